// Own password changes and deactivation: both end the user's open sessions through the session epoch.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { DEMO_PASSWORD } from "../../db/demo-units";
import { auditEvents, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import { loadSessionActor, verifyCredentials } from "../../lib/dal/sign-in";
import { changeOwnPassword, setUserActive } from "../../lib/dal/users";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { actorFor, openSession } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
});
afterAll(async () => handle.close());

describe("changeOwnPassword", () => {
  it("refuses a wrong current password and a weak new one, changing nothing", async () => {
    const clerk = await actorFor(handle.db, "clerk");
    await expect(changeOwnPassword(clerk, "wrong", "Str0ng-enough!")).rejects.toThrow("当前密码不正确");
    await expect(changeOwnPassword(clerk, DEMO_PASSWORD, "short1A")).rejects.toBeInstanceOf(ValidationError);
    await expect(changeOwnPassword(clerk, DEMO_PASSWORD, "alllowercaseletters")).rejects.toThrow("至少三类");
    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: true });
  });

  it("changes the password, clears the forced change and ends the old sessions", async () => {
    await handle.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, "clerk"));
    const clerk = await actorFor(handle.db, "clerk");
    const [before] = await handle.db.select().from(users).where(eq(users.id, clerk.id));
    const sid = await openSession(handle.db, clerk.id);
    const { epoch } = await changeOwnPassword(clerk, DEMO_PASSWORD, "Neues-Passwort-2026");
    expect(epoch).toBe(before!.sessionEpoch + 1);
    expect(await loadSessionActor(clerk.id, before!.sessionEpoch, sid, null)).toBeNull();
    expect(await loadSessionActor(clerk.id, epoch, sid, null)).toMatchObject({ mustChangePassword: false });
    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: false });
    expect(await verifyCredentials("clerk", "Neues-Passwort-2026", null)).toMatchObject({ ok: true });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "password.changed"));
    expect(events).toHaveLength(1);
  });
});

describe("setUserActive", () => {
  it("only an admin may deactivate; deactivation ends the sessions, reactivation allows sign-in again", async () => {
    const admin = await actorFor(handle.db, "admin");
    const sup = await actorFor(handle.db, "supervisor");
    await expect(setUserActive(sup, admin.id, false)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setUserActive(admin, admin.id, false)).rejects.toThrow("不能停用自己的账户");

    const [before] = await handle.db.select().from(users).where(eq(users.id, sup.id));
    const sid = await openSession(handle.db, sup.id);
    expect(await loadSessionActor(sup.id, before!.sessionEpoch, sid, null)).not.toBeNull();
    await setUserActive(admin, sup.id, false);
    expect(await loadSessionActor(sup.id, before!.sessionEpoch, sid, null)).toBeNull();
    expect(await verifyCredentials("supervisor", DEMO_PASSWORD, null)).toEqual({ ok: false, reason: "invalid" });
    await setUserActive(admin, sup.id, true);
    expect(await verifyCredentials("supervisor", DEMO_PASSWORD, null)).toMatchObject({ ok: true });
    await expect(setUserActive(admin, 999_999, true)).rejects.toBeInstanceOf(NotFoundError);
  });
});
