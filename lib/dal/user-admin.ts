// User administration: create with an initial password, edit role / unit / region, reset password, unlock, end sessions.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { units, users, userSessions } from "@/db/schema";
import { generatePassword } from "@/lib/auth/generate-password";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { type Actor, ROLE_LABELS, type Role } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { assertAdmin, parseInput } from "./admin-guard";
import { recordAudit } from "./audit";
import { isFiler } from "./units";

const id = z.coerce.number({ message: "请求无效。" }).int().positive("请求无效。");
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());
const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v ?? null), z.string().trim().max(max, message).nullable());

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "用户名至少 3 个字符")
  .max(32, "用户名不能超过 32 个字符")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "用户名只能用字母、数字、点、下划线和连字符，并以字母或数字开头");
export const displayNameSchema = z.string().trim().min(1, "请填写姓名").max(50, "姓名不能超过 50 个字");
export const roleSchema = z.enum(["clerk", "supervisor", "admin"], { message: "请选择角色" });
const phone = optionalText(30, "电话不能超过 30 个字符");
/** Blank = generate one (shown once). Never trimmed: spaces are part of a password. */
const initialPassword = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v ?? null),
  z.string().max(200, "密码不能超过 200 个字符").nullable(),
);

const assignment = { role: roleSchema, unitId: optionalId, regionId: optionalId };
const createSchema = z.object({ username: usernameSchema, displayName: displayNameSchema, phone, password: initialPassword, ...assignment });
const updateSchema = z.object({ id, displayName: displayNameSchema, phone, ...assignment });
const resetSchema = z.object({ id, password: initialPassword });
const idSchema = z.object({ id });

export interface Assignment {
  role: Role;
  unitId: number | null;
  regionId: number | null;
}

/**
 * What each role needs: a clerk an active filer unit; a supervisor an active region as scope (and optionally the
 * unit they sit in); an admin nothing. Returns the assignment to store, or throws naming the field.
 */
export async function checkAssignment(tx: Tx, a: Assignment): Promise<Assignment> {
  const unitRow = a.unitId === null ? null : (await tx.select().from(units).where(eq(units.id, a.unitId)))[0];
  const regionRow = a.regionId === null ? null : (await tx.select().from(units).where(eq(units.id, a.regionId)))[0];
  if (a.unitId !== null && !unitRow) throw new ValidationError("所选单位不存在。", { unitId: ["所选单位不存在"] });
  if (a.regionId !== null && !regionRow) throw new ValidationError("所选审核范围不存在。", { regionId: ["所选审核范围不存在"] });
  switch (a.role) {
    case "clerk":
      if (!unitRow || !isFiler(unitRow.kind)) throw new ValidationError("填报员必须属于一个填报单位，请选择所在单位。", { unitId: ["请选择填报单位"] });
      if (!unitRow.active) throw new ValidationError(`“${unitRow.name}”已停用，请选择一个启用的填报单位。`, { unitId: ["单位已停用"] });
      return { role: "clerk", unitId: unitRow.id, regionId: null };
    case "supervisor":
      if (!regionRow || isFiler(regionRow.kind)) throw new ValidationError("审核员必须有审核范围，请选择一个区域。", { regionId: ["请选择区域"] });
      if (!regionRow.active) throw new ValidationError(`“${regionRow.name}”已停用，请选择一个启用的区域。`, { regionId: ["区域已停用"] });
      return { role: "supervisor", unitId: unitRow?.id ?? null, regionId: regionRow.id };
    case "admin":
      return { role: "admin", unitId: null, regionId: null };
  }
}

/** A given initial password must pass the policy; a blank one is generated. */
export function initialPasswordOrGenerate(given: string | null, field = "password"): { password: string; generated: boolean } {
  if (given === null) return { password: generatePassword(), generated: true };
  const problems = passwordProblems(given);
  if (problems.length) throw new ValidationError(problems.join("；"), { [field]: problems });
  return { password: given, generated: false };
}

export async function assertUsernameFree(tx: Tx, username: string): Promise<void> {
  const [taken] = await tx.select({ username: users.username }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (taken) throw new ConflictError(`用户名 ${taken.username} 已存在（用户名不区分大小写），请换一个。`);
}

async function lockUser(tx: Tx, userId: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new NotFoundError("未找到该用户。");
  return row;
}

/** The new user must change the initial password at first sign-in. A generated password is returned once. */
export async function createUser(actor: Actor, raw: unknown): Promise<{ id: number; username: string; password: string | null }> {
  assertAdmin(actor);
  const input = parseInput(createSchema, raw);
  const { password, generated } = initialPasswordOrGenerate(input.password);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertUsernameFree(tx, input.username);
    const a = await checkAssignment(tx, input);
    const [row] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, phone: input.phone, passwordHash, mustChangePassword: true, ...a })
      .returning({ id: users.id });
    await recordAudit(tx, {
      actor,
      action: "user.created",
      targetType: "user",
      targetId: row!.id,
      unitId: a.unitId ?? a.regionId,
      summary: `新建用户 ${input.displayName}（${input.username}，${ROLE_LABELS[a.role]}），首次登录须修改初始密码`,
    });
    return { id: row!.id, username: input.username, password: generated ? password : null };
  });
}

/** Role, unit, region, name and phone. An admin cannot demote themselves; a role change ends the user's sessions. */
export async function updateUser(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(updateSchema, raw);
  if (input.id === actor.id && input.role !== "admin") throw new ValidationError("不能取消自己的管理员角色：请由另一位管理员操作。", { role: ["不能修改自己的角色"] });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, input.id);
    const a = await checkAssignment(tx, input);
    const roleChanged = before.role !== a.role;
    await tx
      .update(users)
      .set({ displayName: input.displayName, phone: input.phone, ...a, ...(roleChanged ? { sessionEpoch: sql`${users.sessionEpoch} + 1` } : {}) })
      .where(eq(users.id, input.id));
    const changes = [
      before.displayName !== input.displayName ? `姓名 ${before.displayName} → ${input.displayName}` : null,
      roleChanged ? `角色 ${ROLE_LABELS[before.role]} → ${ROLE_LABELS[a.role]}（登录会话已失效）` : null,
      before.unitId !== a.unitId ? "所在单位已改" : null,
      before.regionId !== a.regionId ? "审核范围已改" : null,
      (before.phone ?? null) !== input.phone ? "电话已改" : null,
    ].filter(Boolean);
    if (!changes.length) return;
    await recordAudit(tx, {
      actor,
      action: roleChanged ? "user.role_changed" : "user.updated",
      targetType: "user",
      targetId: input.id,
      unitId: a.unitId ?? a.regionId,
      summary: `修改用户 ${before.username}：${changes.join("；")}`,
    });
  });
}

async function closeSessions(tx: Tx, userId: number, reason: string): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  await tx.update(users).set({ sessionEpoch: sql`${users.sessionEpoch} + 1` }).where(eq(users.id, userId));
  return ended.length;
}

/** A new initial password (given, or generated and returned once); forced change at next sign-in; sessions end. */
export async function resetPassword(actor: Actor, raw: unknown): Promise<{ password: string | null }> {
  assertAdmin(actor);
  const input = parseInput(resetSchema, raw);
  if (input.id === actor.id) throw new ValidationError("请在“修改密码”中修改自己的密码。");
  const { password, generated } = initialPasswordOrGenerate(input.password);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), failedSignIns: 0, lockedUntil: null })
      .where(eq(users.id, user.id));
    await closeSessions(tx, user.id, "password_reset");
    await recordAudit(tx, {
      actor,
      action: "user.password_reset",
      targetType: "user",
      targetId: user.id,
      unitId: user.unitId ?? user.regionId,
      summary: `重置用户 ${user.username} 的密码（首次登录须修改；其登录会话已结束）`,
    });
  });
  return { password: generated ? password : null };
}

export async function unlockUser(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(idSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    if (!user.lockedUntil && user.failedSignIns === 0) throw new StateError(`${user.username} 没有被锁定。`);
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actor,
      action: "user.unlocked",
      targetType: "user",
      targetId: user.id,
      unitId: user.unitId ?? user.regionId,
      summary: `解锁用户 ${user.username}（清除 ${user.failedSignIns} 次失败登录）`,
    });
  });
}

/** Ends every open session of the user at once (lost laptop, shared computer); they can sign in again. */
export async function endUserSessions(actor: Actor, raw: unknown): Promise<{ ended: number }> {
  assertAdmin(actor);
  const input = parseInput(idSchema, raw);
  if (input.id === actor.id) throw new ValidationError("不能在这里结束自己的会话：请用“退出登录”。");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    const ended = await closeSessions(tx, user.id, "ended_by_admin");
    await recordAudit(tx, {
      actor,
      action: "user.sessions_ended",
      targetType: "user",
      targetId: user.id,
      unitId: user.unitId ?? user.regionId,
      summary: `结束用户 ${user.username} 的全部登录会话（${ended} 个）`,
    });
    return { ended };
  });
}
