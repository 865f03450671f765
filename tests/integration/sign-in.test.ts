// Sign-in: argon2id, one message for every failure, lockout after 5 failures, session epoch checks.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { DEMO_PASSWORD } from "../../db/demo-units";
import { auditEvents, users, userSessions } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import { endSession, loadSessionActor, verifyCredentials } from "../../lib/dal/sign-in";
import { openSession } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
});
afterAll(async () => handle.close());

async function userRow(username: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.username, username));
  return row!;
}

describe("verifyCredentials", () => {
  it("stores argon2id hashes and accepts the right password, case-insensitively for the user name", async () => {
    expect((await userRow("admin")).passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const result = await verifyCredentials("Admin", DEMO_PASSWORD, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, userId: (await userRow("admin")).id });
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    expect(await verifyCredentials("nobody", DEMO_PASSWORD, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("admin", "wrong-password", null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks after 5 consecutive failures, refuses even the right password, and unlocks after the lock expires", async () => {
    for (let i = 1; i <= 4; i++) {
      expect(await verifyCredentials("clerk", `bad-${i}`, null)).toEqual({ ok: false, reason: "invalid" });
    }
    const fifth = await verifyCredentials("clerk", "bad-5", null);
    expect(fifth.ok).toBe(false);
    expect(fifth).toMatchObject({ reason: "locked" });
    const until = (fifth as { until: Date }).until;
    expect(until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);

    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: false, reason: "locked" });

    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "account.locked"));
    expect(events).toHaveLength(1);

    // Let the lock run out: the right password works again and the count starts afresh.
    await handle.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.username, "clerk"));
    expect(await verifyCredentials("clerk", DEMO_PASSWORD, null)).toMatchObject({ ok: true });
    const after = await userRow("clerk");
    expect(after.failedSignIns).toBe(0);
    expect(after.lockedUntil).toBeNull();
  });

  it("a success resets the failure count", async () => {
    await verifyCredentials("supervisor", "bad", null);
    await verifyCredentials("supervisor", "bad", null);
    expect((await userRow("supervisor")).failedSignIns).toBe(2);
    await verifyCredentials("supervisor", DEMO_PASSWORD, null);
    expect((await userRow("supervisor")).failedSignIns).toBe(0);
  });

  it("refuses a deactivated user with the same message", async () => {
    await handle.db.insert(users).values({ username: "gone", displayName: "停用用户", passwordHash: (await userRow("admin")).passwordHash, role: "clerk", active: false });
    expect(await verifyCredentials("gone", DEMO_PASSWORD, null)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("loadSessionActor", () => {
  it("returns the actor with unit and region names for an open session of the current epoch", async () => {
    const sup = await userRow("supervisor");
    const actor = await loadSessionActor(sup.id, sup.sessionEpoch, await openSession(handle.db, sup.id), "10.0.0.2");
    expect(actor).toMatchObject({ role: "supervisor", regionName: "同心县", unitCode: "tongxin-gov-office", ip: "10.0.0.2" });
    const clerk = await userRow("clerk");
    expect(await loadSessionActor(clerk.id, clerk.sessionEpoch, await openSession(handle.db, clerk.id), null)).toMatchObject({
      role: "clerk",
      unitCode: "yuhai-town",
    });
  });

  it("a sign-in opens a session that works until it is ended", async () => {
    const result = await verifyCredentials("admin", DEMO_PASSWORD, null);
    if (!result.ok) throw new Error("sign-in failed");
    const actor = await loadSessionActor(result.userId, result.epoch, result.sessionId, null);
    expect(actor).toMatchObject({ username: "admin" });
    await endSession(actor!, result.sessionId, "sign_out");
    expect(await loadSessionActor(result.userId, result.epoch, result.sessionId, null)).toBeNull();
    expect(await loadSessionActor(result.userId, result.epoch, "no-such-session", null)).toBeNull();
  });

  it("ends idle sessions after 30 minutes and any session after 12 hours, and records use", async () => {
    const sup = await userRow("supervisor");
    const idle = await openSession(handle.db, sup.id, new Date(Date.now() - 31 * 60_000));
    expect(await loadSessionActor(sup.id, sup.sessionEpoch, idle, null)).toBeNull();
    const old = await openSession(handle.db, sup.id, new Date(Date.now() - 12 * 3600_000 - 1000));
    await handle.db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, old));
    expect(await loadSessionActor(sup.id, sup.sessionEpoch, old, null)).toBeNull();
    const active = await openSession(handle.db, sup.id, new Date(Date.now() - 20 * 60_000));
    expect(await loadSessionActor(sup.id, sup.sessionEpoch, active, null)).not.toBeNull();
    const [row] = await handle.db.select().from(userSessions).where(eq(userSessions.id, active));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(5000);
  });

  it("ends sessions of an old epoch and of deactivated users", async () => {
    const sup = await userRow("supervisor");
    const sid = await openSession(handle.db, sup.id);
    expect(await loadSessionActor(sup.id, sup.sessionEpoch - 1, sid, null)).toBeNull();
    await handle.db.update(users).set({ active: false }).where(eq(users.id, sup.id));
    expect(await loadSessionActor(sup.id, sup.sessionEpoch, sid, null)).toBeNull();
    await handle.db.update(users).set({ active: true }).where(eq(users.id, sup.id));
    expect(await loadSessionActor(sup.id, sup.sessionEpoch, sid, null)).not.toBeNull();
  });
});
