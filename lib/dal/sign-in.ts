// Credential checks and session re-validation: the only DAL entry points that run before there is an actor.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { units, users } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/policy";
import { recordAudit } from "./audit";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type CredentialCheck =
  | { ok: true; userId: number; epoch: number }
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
  await db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
    .where(eq(users.id, user.id));
  await recordAudit(db, { actor, action: "sign_in", targetType: "user", targetId: user.id, summary: "登录成功" });
  return { ok: true, userId: user.id, epoch: user.sessionEpoch };
}

/**
 * Re-reads the user behind a session on every request: a deactivated user, or one whose session epoch moved on
 * (password, role or deactivation changes), gets no actor and is treated as signed out.
 */
export async function loadSessionActor(userId: number, epoch: number, ip: string | null): Promise<Actor | null> {
  const db = await getDb();
  const unit = alias(units, "unit");
  const region = alias(units, "region");
  const [row] = await db
    .select({ user: users, unitCode: unit.code, unitName: unit.name, regionName: region.name })
    .from(users)
    .leftJoin(unit, eq(unit.id, users.unitId))
    .leftJoin(region, eq(region.id, users.regionId))
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionEpoch, epoch)))
    .limit(1);
  if (!row) return null;
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
