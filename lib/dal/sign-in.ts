// Credential checks and session re-validation: the only DAL entry points that run before there is an actor.
import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { units, users, userSessions } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-age";
import { recordAudit } from "./audit";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type CredentialCheck =
  | { ok: true; userId: number; epoch: number; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export async function verifyCredentials(username: string, password: string, ip: string | null): Promise<CredentialCheck> {
  const db = await getDb();
  const name = username.trim();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, name.toLowerCase()))
    .limit(1);
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    // Even the right password is refused while locked; still spend the hashing time.
    await burnPasswordCheck(password);
    return { ok: false, reason: "locked", until: user.lockedUntil };
  }
  const actor = { id: user.id, displayName: user.displayName, ip };
  if (!(await verifyPassword(user.passwordHash, password))) {
    // Counted in one statement so concurrent attempts cannot under-count; an expired lock starts a new count.
    const [after] = await db
      .update(users)
      .set({
        failedSignIns: sql`case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= now() then 1 else ${users.failedSignIns} + 1 end`,
        lockedUntil: sql`case
          when ${users.lockedUntil} is not null and ${users.lockedUntil} <= now() then null
          when ${users.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then now() + make_interval(mins => ${LOCK_MINUTES})
          else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, user.id))
      .returning({ failed: users.failedSignIns, lockedUntil: users.lockedUntil });
    const locked = after?.lockedUntil && after.lockedUntil > now ? after.lockedUntil : null;
    await recordAudit(db, {
      actor,
      action: locked ? "account.locked" : "sign_in.failed",
      targetType: "user",
      targetId: user.id,
      summary: locked
        ? `连续 ${after?.failed ?? MAX_FAILED_SIGN_INS} 次密码错误，账户锁定 ${LOCK_MINUTES} 分钟`
        : `密码错误（第 ${after?.failed ?? 0} 次）`,
    });
    return locked ? { ok: false, reason: "locked", until: locked } : { ok: false, reason: "invalid" };
  }
  const sessionId = crypto.randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now }).where(eq(users.id, user.id));
    await tx.insert(userSessions).values({ id: sessionId, userId: user.id, createdAt: now, lastSeenAt: now, ip });
    await recordAudit(tx, { actor, action: "sign_in", targetType: "user", targetId: user.id, summary: "登录成功" });
  });
  return { ok: true, userId: user.id, epoch: user.sessionEpoch, sessionId };
}

/** How often a session's last use is written back (a write per request would be wasteful). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Re-reads the user and the session behind a cookie on every request. No actor when the session was ended
 * (sign-out), idled out or is older than the absolute limit, when the user was deactivated, or when the user's
 * session epoch moved on (password, role or deactivation changes).
 */
export async function loadSessionActor(userId: number, epoch: number, sessionId: string, ip: string | null): Promise<Actor | null> {
  const db = await getDb();
  const unit = alias(units, "unit");
  const region = alias(units, "region");
  const now = Date.now();
  const [row] = await db
    .select({ user: users, lastSeenAt: userSessions.lastSeenAt, unitCode: unit.code, unitName: unit.name, regionName: region.name })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(unit, eq(unit.id, users.unitId))
    .leftJoin(region, eq(region.id, users.regionId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.endedAt),
        gt(userSessions.lastSeenAt, new Date(now - IDLE_TIMEOUT_SECONDS * 1000)),
        gt(userSessions.createdAt, new Date(now - ABSOLUTE_TIMEOUT_MS)),
        eq(users.id, userId),
        eq(users.active, true),
        eq(users.sessionEpoch, epoch),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(userSessions).set({ lastSeenAt: new Date(now) }).where(eq(userSessions.id, sessionId));
  }
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    regionId: user.regionId,
    regionName: row.regionName,
    mustChangePassword: user.mustChangePassword,
    ip,
  };
}

/** Sign-out: the session is closed for good, whatever copies of its cookie still exist. */
export async function endSession(actor: Actor, sessionId: string, reason: "sign_out" | "password_changed"): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(userSessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)));
    if (reason === "sign_out") {
      await recordAudit(tx, { actor, action: "sign_out", targetType: "user", targetId: actor.id, summary: "退出登录" });
    }
  });
}
