// User administration on a fresh database: create with an initial password (forced change), role rules, edit,
// reset password, unlock, end sessions, search; an admin cannot demote themselves; other roles are refused.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { DEMO_PASSWORD } from "../../db/demo-units";
import { auditEvents, units, users, userSessions } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import { passwordProblems } from "../../lib/auth/password-policy";
import type { Actor } from "../../lib/auth/policy";
import { loadSessionActor, verifyCredentials } from "../../lib/dal/sign-in";
import { createUser, endUserSessions, resetPassword, unlockUser, updateUser } from "../../lib/dal/user-admin";
import { getUserForAdmin, listUsersForAdmin, setUserActive } from "../../lib/dal/users";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { actorFor, openSession } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let admin: Actor;
let supervisor: Actor;
let clerk: Actor;
let ids: Record<string, number>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  admin = await actorFor(handle.db, "admin");
  supervisor = await actorFor(handle.db, "supervisor");
  clerk = await actorFor(handle.db, "clerk");
  const rows = await handle.db.select({ id: units.id, code: units.code }).from(units);
  ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => handle.close());

async function userRow(username: string) {
  const [row] = await handle.db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row!;
}
async function audits(action: string) {
  return handle.db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

describe("refused for other roles", () => {
  it("a supervisor or clerk calling the user operations directly gets 'not found' and nothing changes", async () => {
    const target = await userRow("clerk");
    for (const actor of [supervisor, clerk]) {
      await expect(createUser(actor, { username: "sneaky", displayName: "x", role: "admin", password: "Sneaky-Pass-2026" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateUser(actor, { id: actor.id, displayName: "x", role: "admin" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetPassword(actor, { id: target.id, password: "Sneaky-Pass-2026" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(unlockUser(actor, { id: target.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(endUserSessions(actor, { id: target.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setUserActive(actor, target.id, false)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listUsersForAdmin(actor)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getUserForAdmin(actor, target.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await handle.db.select().from(users).where(eq(users.username, "sneaky"))).length).toBe(0);
    expect((await userRow("supervisor")).role).toBe("supervisor");
    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: true });
  });
});

describe("create", () => {
  it("creates a clerk with a given initial password: must change it at first sign-in; audited", async () => {
    const created = await createUser(admin, { username: "New.Clerk", displayName: "新填报员", role: "clerk", unitId: String(ids["hexi-town"]), password: "First-Pass-2026", phone: "" });
    expect(created.password).toBeNull();
    const row = await userRow("new.clerk");
    expect(row).toMatchObject({ username: "New.Clerk", role: "clerk", unitId: ids["hexi-town"], regionId: null, mustChangePassword: true, phone: null });
    const signIn = await verifyCredentials("NEW.CLERK", "First-Pass-2026", null);
    expect(signIn.ok).toBe(true);
    if (signIn.ok) expect(await loadSessionActor(row.id, signIn.epoch, signIn.sessionId, null)).toMatchObject({ mustChangePassword: true });
    expect((await audits("user.created")).map((e) => e.targetId)).toContain(String(row.id));
  });

  it("generates a policy-conforming password when none is given and returns it once", async () => {
    const created = await createUser(admin, { username: "gen-sup", displayName: "审核员乙", role: "supervisor", regionId: ids.tongxin, unitId: ids["tongxin-gov-office"], password: "" });
    expect(passwordProblems(created.password!)).toEqual([]);
    expect(await verifyCredentials("gen-sup", created.password!, null)).toMatchObject({ ok: true });
    expect(await userRow("gen-sup")).toMatchObject({ regionId: ids.tongxin, unitId: ids["tongxin-gov-office"] });
  });

  it("refuses: a taken user name in any case, a weak password, a clerk without a filer unit, a supervisor without a region", async () => {
    await expect(createUser(admin, { username: "CLERK", displayName: "x", role: "clerk", unitId: ids["hexi-town"], password: "" })).rejects.toBeInstanceOf(ConflictError);
    await expect(createUser(admin, { username: "weak", displayName: "x", role: "clerk", unitId: ids["hexi-town"], password: "password" })).rejects.toThrow("至少");
    await expect(createUser(admin, { username: "no-unit", displayName: "x", role: "clerk", password: "" })).rejects.toThrow("填报员必须属于一个填报单位");
    await expect(createUser(admin, { username: "region-clerk", displayName: "x", role: "clerk", unitId: ids.tongxin, password: "" })).rejects.toThrow("填报员必须属于一个填报单位");
    await expect(createUser(admin, { username: "no-region", displayName: "x", role: "supervisor", password: "" })).rejects.toThrow("审核员必须有审核范围");
    await expect(createUser(admin, { username: "filer-region", displayName: "x", role: "supervisor", regionId: ids["hexi-town"], password: "" })).rejects.toThrow("审核员必须有审核范围");
    await expect(createUser(admin, { username: "bad name!", displayName: "x", role: "admin", password: "" })).rejects.toBeInstanceOf(ValidationError);
    for (const name of ["weak", "no-unit", "region-clerk", "no-region", "filer-region"]) expect(await userRow(name)).toBeUndefined();
  });
});

describe("edit", () => {
  it("changes role and scope; a role change ends the user's sessions", async () => {
    const row = await userRow("new.clerk");
    const sid = await openSession(handle.db, row.id);
    await updateUser(admin, { id: row.id, displayName: "新填报员", role: "clerk", unitId: ids["weizhou-town"], phone: "0953-1234567" });
    expect(await userRow("new.clerk")).toMatchObject({ unitId: ids["weizhou-town"], phone: "0953-1234567", sessionEpoch: row.sessionEpoch });
    await updateUser(admin, { id: row.id, displayName: "新审核员", role: "supervisor", regionId: ids.tongxin });
    const after = await userRow("new.clerk");
    expect(after).toMatchObject({ role: "supervisor", regionId: ids.tongxin, unitId: null, sessionEpoch: row.sessionEpoch + 1 });
    expect(await loadSessionActor(row.id, row.sessionEpoch, sid, null)).toBeNull();
    expect(await audits("user.role_changed")).toHaveLength(1);
  });

  it("an admin cannot demote or deactivate themselves", async () => {
    await expect(updateUser(admin, { id: admin.id, displayName: "系统管理员", role: "clerk", unitId: ids["hexi-town"] })).rejects.toThrow("不能取消自己的管理员角色");
    await expect(setUserActive(admin, admin.id, false)).rejects.toThrow("不能停用自己的账户");
    expect((await userRow("admin")).role).toBe("admin");
  });
});

describe("reset password, unlock, end sessions", () => {
  it("a reset sets a new initial password, forces the change, ends sessions and clears a lock", async () => {
    const row = await userRow("clerk");
    const sid = await openSession(handle.db, row.id);
    await handle.db.update(users).set({ failedSignIns: 5, lockedUntil: new Date(Date.now() + 600_000) }).where(eq(users.id, row.id));
    const { password } = await resetPassword(admin, { id: row.id, password: "" });
    expect(passwordProblems(password!)).toEqual([]);
    const after = await userRow("clerk");
    expect(after).toMatchObject({ mustChangePassword: true, failedSignIns: 0, lockedUntil: null, sessionEpoch: row.sessionEpoch + 1 });
    expect(await loadSessionActor(row.id, after.sessionEpoch, sid, null)).toBeNull();
    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: false });
    expect(await verifyCredentials("clerk", password!, null)).toMatchObject({ ok: true });
    await expect(resetPassword(admin, { id: admin.id, password: "" })).rejects.toThrow("修改自己的密码");
    await expect(resetPassword(admin, { id: row.id, password: "short" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("unlock clears the failed sign-ins and the lock; an unlocked account is refused", async () => {
    for (let i = 0; i < 5; i++) await verifyCredentials("supervisor", `wrong-${i}`, null);
    expect(await verifyCredentials("supervisor", DEMO_PASSWORD, null)).toMatchObject({ ok: false, reason: "locked" });
    const row = await userRow("supervisor");
    await unlockUser(admin, { id: row.id });
    expect(await userRow("supervisor")).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(await verifyCredentials("supervisor", DEMO_PASSWORD, null)).toMatchObject({ ok: true });
    await expect(unlockUser(admin, { id: row.id })).rejects.toBeInstanceOf(StateError);
    expect(await audits("user.unlocked")).toHaveLength(1);
  });

  it("ending a user's sessions closes every open session row and moves the epoch on", async () => {
    const row = await userRow("supervisor");
    const a = await openSession(handle.db, row.id);
    const b = await openSession(handle.db, row.id);
    const { ended } = await endUserSessions(admin, { id: row.id });
    expect(ended).toBeGreaterThanOrEqual(2);
    const open = await handle.db.select().from(userSessions).where(eq(userSessions.userId, row.id));
    expect(open.filter((s) => s.endedAt === null)).toEqual([]);
    expect(open.find((s) => s.id === a)?.endReason).toBe("ended_by_admin");
    const after = await userRow("supervisor");
    expect(after.sessionEpoch).toBe(row.sessionEpoch + 1);
    expect(await loadSessionActor(row.id, after.sessionEpoch, b, null)).toBeNull();
    await expect(endUserSessions(admin, { id: admin.id })).rejects.toThrow("退出登录");
    await expect(endUserSessions(admin, { id: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("list and search", () => {
  it("searches user name, name, unit and region, case-insensitively; wildcards are literal", async () => {
    expect((await listUsersForAdmin(admin, "NEW.")).map((u) => u.username)).toEqual(["New.Clerk"]);
    expect((await listUsersForAdmin(admin, "豫海镇")).map((u) => u.username)).toEqual(["clerk"]);
    expect((await listUsersForAdmin(admin, "%")).map((u) => u.username)).toEqual([]);
    expect((await listUsersForAdmin(admin)).length).toBe((await handle.db.select().from(users)).length);
    const detail = await getUserForAdmin(admin, (await userRow("gen-sup")).id);
    // The sign-in check in "create" opened one session.
    expect(detail).toMatchObject({ username: "gen-sup", regionName: "同心县", openSessions: 1 });
  });
});
