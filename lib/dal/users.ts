// Users: own-password changes, the admin listing with search, one user for the admin, (de)activation.
import "server-only";
import { and, asc, count, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { units, users, userSessions } from "@/db/schema";
import { hashPassword, passwordProblems, verifyPassword } from "@/lib/auth/password";
import { type Actor, ROLE_LABELS } from "@/lib/auth/policy";
import { IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-age";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";

export interface UserListItem {
  id: number;
  username: string;
  displayName: string;
  role: Actor["role"];
  roleLabel: string;
  unitId: number | null;
  unitName: string | null;
  regionId: number | null;
  regionName: string | null;
  phone: string | null;
  active: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  mustChangePassword: boolean;
}

/** Escapes LIKE wildcards so a search for "a_b" finds exactly that. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every user, or those whose user name, name, unit or region contains q (case-insensitive). */
export async function listUsersForAdmin(actor: Actor, q = ""): Promise<UserListItem[]> {
  assertAdmin(actor);
  const db = await getDb();
  const unit = alias(units, "unit");
  const region = alias(units, "region");
  const term = q.trim().slice(0, 100);
  let where: SQL | undefined;
  if (term) {
    const p = likePattern(term);
    where = or(ilike(users.username, p), ilike(users.displayName, p), ilike(unit.name, p), ilike(region.name, p), ilike(users.phone, p));
  }
  const rows = await db
    .select({ user: users, unitName: unit.name, regionName: region.name })
    .from(users)
    .leftJoin(unit, eq(unit.id, users.unitId))
    .leftJoin(region, eq(region.id, users.regionId))
    .where(where)
    .orderBy(asc(users.role), asc(users.username));
  return rows.map(({ user, unitName, regionName }) => ({
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    unitId: user.unitId,
    unitName,
    regionId: user.regionId,
    regionName,
    phone: user.phone,
    active: user.active,
    failedSignIns: user.failedSignIns,
    lockedUntil: user.lockedUntil,
    lastSignInAt: user.lastSignInAt,
    mustChangePassword: user.mustChangePassword,
  }));
}

export interface UserDetail extends UserListItem {
  openSessions: number;
}

/** One user for the admin's edit page, with the number of sessions not ended and used within the idle timeout. */
export async function getUserForAdmin(actor: Actor, userId: number): Promise<UserDetail> {
  assertAdmin(actor);
  const user = (await listUsersForAdmin(actor)).find((u) => u.id === userId);
  if (!user) throw new NotFoundError("未找到该用户。");
  const db = await getDb();
  const [open] = await db
    .select({ n: count() })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), gt(userSessions.lastSeenAt, new Date(Date.now() - IDLE_TIMEOUT_SECONDS * 1000))));
  return { ...user, openSessions: open!.n };
}

/**
 * Changes the actor's own password. The session epoch advances, which ends every other session of the user;
 * the caller signs the current browser in again.
 */
export async function changeOwnPassword(actor: Actor, current: string, next: string): Promise<{ epoch: number }> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new NotFoundError();
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new ValidationError("当前密码不正确。", { current: ["当前密码不正确"] });
  }
  const problems = passwordProblems(next);
  if (problems.length) throw new ValidationError(problems.join("；"), { next: problems });
  if (current === next) {
    throw new ValidationError("新密码不能与当前密码相同。", { next: ["新密码不能与当前密码相同"] });
  }
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        sessionEpoch: sql`${users.sessionEpoch} + 1`,
      })
      .where(eq(users.id, actor.id))
      .returning({ epoch: users.sessionEpoch });
    await recordAudit(tx, {
      actor,
      action: "password.changed",
      targetType: "user",
      targetId: actor.id,
      summary: "修改了自己的密码（其他会话已失效）",
    });
    return { epoch: after!.epoch };
  });
}

/** Deactivating ends the user's sessions at their next request (the epoch moves on); reactivating lets them sign in. */
export async function setUserActive(actor: Actor, userId: number, active: boolean): Promise<void> {
  assertAdmin(actor);
  if (userId === actor.id && !active) throw new ValidationError("不能停用自己的账户。");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ active, sessionEpoch: sql`${users.sessionEpoch} + 1`, ...(active ? { failedSignIns: 0, lockedUntil: null } : {}) })
      .where(eq(users.id, userId))
      .returning({ username: users.username, displayName: users.displayName });
    if (!after) throw new NotFoundError("未找到该用户。");
    await recordAudit(tx, {
      actor,
      action: active ? "user.activated" : "user.deactivated",
      targetType: "user",
      targetId: userId,
      summary: `${active ? "启用" : "停用"}用户 ${after.displayName}（${after.username}）${active ? "" : "，其登录会话已失效"}`,
    });
  });
}
