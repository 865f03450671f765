// Unit administration: create, rename, set kind and order, move in the tree, deactivate, merge into a successor.
// Units are never deleted: reports, users and the audit log point at them, and a renamed unit keeps its history.
import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { unitReports, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { assertAdmin, checkbox, parseInput } from "./admin-guard";
import { recordAudit } from "./audit";
import { isFiler, loadUnitTree, UNIT_KIND_LABELS, type UnitDto, type UnitKind } from "./units";

export const UNIT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const id = z.coerce.number({ message: "请求无效。" }).int().positive("请求无效。");
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());
export const unitCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "请填写单位代码")
  .max(64, "单位代码不能超过 64 个字符")
  .regex(UNIT_CODE_PATTERN, "单位代码只能用小写字母、数字和连字符（-），并以字母或数字开头，如 dept-education");
export const unitNameSchema = z.string().trim().min(2, "请填写单位全称（至少 2 个字）").max(100, "单位名称不能超过 100 个字");
export const unitKindSchema = z.enum(["region", "gov_office", "township", "department"], { message: "请选择单位类别" });
const sortOrder = z.preprocess(
  (v) => (v === "" || v === undefined ? 0 : v),
  z.coerce.number({ message: "排序应为整数" }).int("排序应为整数").min(0, "排序应为 0–9999 的整数").max(9999, "排序应为 0–9999 的整数"),
);

const createSchema = z.object({ code: unitCodeSchema, name: unitNameSchema, kind: unitKindSchema, parentId: optionalId, sortOrder });
const updateSchema = z.object({ id, name: unitNameSchema, kind: unitKindSchema, sortOrder });
const moveSchema = z.object({ id, parentId: optionalId });
const activeSchema = z.object({ id, active: checkbox });
const mergeSchema = z.object({ id, successorId: id, moveClerks: checkbox });

async function lockUnit(tx: Tx, unitId: number): Promise<typeof units.$inferSelect> {
  const [row] = await tx.select().from(units).where(eq(units.id, unitId)).for("update");
  if (!row) throw new NotFoundError("未找到该单位。");
  return row;
}

/** Where a unit of this kind may sit: a filer below a region, a region at the root or below another region. */
export function placementProblem(kind: UnitKind, parent: Pick<UnitDto, "kind" | "name" | "active"> | null): string | null {
  if (parent === null) return isFiler(kind) ? "填报单位必须属于某个区域，请选择上级单位。" : null;
  if (isFiler(parent.kind)) return `上级单位“${parent.name}”是填报单位，填报单位下不能再设下级，请选择一个区域作为上级。`;
  if (!parent.active) return `上级单位“${parent.name}”已停用，请选择一个启用的区域。`;
  return null;
}

async function assertCodeFree(tx: Tx, code: string): Promise<void> {
  const [taken] = await tx.select({ name: units.name }).from(units).where(eq(units.code, code));
  if (taken) throw new ConflictError(`单位代码 ${code} 已被“${taken.name}”使用，请换一个代码。`);
}

export async function createUnit(actor: Actor, raw: unknown): Promise<UnitDto> {
  assertAdmin(actor);
  const input = parseInput(createSchema, raw);
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    const parent = input.parentId === null ? null : await lockUnit(tx, input.parentId);
    const problem = placementProblem(input.kind, parent);
    if (problem) throw new ValidationError(problem, { parentId: [problem] });
    const [row] = await tx
      .insert(units)
      .values({ code: input.code, name: input.name, kind: input.kind, parentId: input.parentId, sortOrder: input.sortOrder })
      .returning();
    await recordAudit(tx, {
      actor,
      action: "unit.created",
      targetType: "unit",
      targetId: row!.id,
      unitId: row!.id,
      summary: `新建单位 ${input.name}（${input.code}，${UNIT_KIND_LABELS[input.kind]}${parent ? `，上级 ${parent.name}` : ""}）`,
    });
    return row!;
  });
  return {
    id: created.id,
    code: created.code,
    name: created.name,
    kind: created.kind,
    kindLabel: UNIT_KIND_LABELS[created.kind],
    parentId: created.parentId,
    sortOrder: created.sortOrder,
    active: created.active,
    successorId: created.successorId,
    depth: 0,
  };
}

/** Rename, change kind or order. The id stays, so reports, users and history stay with the unit. */
export async function updateUnit(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(updateSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockUnit(tx, input.id);
    if (before.kind !== input.kind) await assertKindChangeAllowed(tx, before, input.kind);
    await tx.update(units).set({ name: input.name, kind: input.kind, sortOrder: input.sortOrder }).where(eq(units.id, input.id));
    const changes = [
      before.name !== input.name ? `名称 ${before.name} → ${input.name}` : null,
      before.kind !== input.kind ? `类别 ${UNIT_KIND_LABELS[before.kind]} → ${UNIT_KIND_LABELS[input.kind]}` : null,
      before.sortOrder !== input.sortOrder ? `排序 ${before.sortOrder} → ${input.sortOrder}` : null,
    ].filter(Boolean);
    if (!changes.length) return;
    await recordAudit(tx, {
      actor,
      action: before.name !== input.name ? "unit.renamed" : "unit.updated",
      targetType: "unit",
      targetId: input.id,
      unitId: input.id,
      summary: `修改单位 ${before.code}：${changes.join("；")}`,
    });
  });
}

async function assertKindChangeAllowed(tx: Tx, unit: typeof units.$inferSelect, kind: UnitKind): Promise<void> {
  if (isFiler(unit.kind) && isFiler(kind)) return;
  if (isFiler(kind)) {
    const [children] = await tx.select({ n: count() }).from(units).where(eq(units.parentId, unit.id));
    if (children!.n > 0) throw new StateError(`“${unit.name}”下还有 ${children!.n} 个下级单位，不能改为填报单位；请先移走下级单位。`);
    const [sups] = await tx.select({ n: count() }).from(users).where(eq(users.regionId, unit.id));
    if (sups!.n > 0) throw new StateError(`“${unit.name}”是 ${sups!.n} 名审核员的审核范围，不能改为填报单位；请先修改这些审核员的审核范围。`);
    if (unit.parentId === null) throw new StateError("最上级的区域不能改为填报单位：填报单位必须属于某个区域。");
    return;
  }
  const [reports] = await tx.select({ n: count() }).from(unitReports).where(eq(unitReports.unitId, unit.id));
  if (reports!.n > 0) throw new StateError(`“${unit.name}”已有 ${reports!.n} 份年报，不能改为区域（区域的年报是下级单位的汇总）。`);
  const [clerks] = await tx.select({ n: count() }).from(users).where(and(eq(users.unitId, unit.id), eq(users.role, "clerk")));
  if (clerks!.n > 0) throw new StateError(`“${unit.name}”有 ${clerks!.n} 名填报员，不能改为区域；请先把他们改到其他填报单位。`);
}

/** Moves a unit below another region (or to the root, for a region). Refuses cycles and filers below filers. */
export async function moveUnit(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(moveSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const unit = await lockUnit(tx, input.id);
    if (unit.parentId === input.parentId) return;
    const parent = input.parentId === null ? null : await lockUnit(tx, input.parentId);
    if (parent) {
      const tree = await loadUnitTree(tx);
      const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
      for (let at: number | null = parent.id; at !== null; at = parentOf.get(at) ?? null) {
        if (at === unit.id) throw new ValidationError(`不能把“${unit.name}”移到它自己或它的下级单位之下。`, { parentId: ["不能移到自身或下级单位之下"] });
      }
    }
    const problem = placementProblem(unit.kind, parent);
    if (problem) throw new ValidationError(problem, { parentId: [problem] });
    const [oldParent] = unit.parentId === null ? [] : await tx.select({ name: units.name }).from(units).where(eq(units.id, unit.parentId));
    await tx.update(units).set({ parentId: input.parentId }).where(eq(units.id, unit.id));
    await recordAudit(tx, {
      actor,
      action: "unit.moved",
      targetType: "unit",
      targetId: unit.id,
      unitId: unit.id,
      summary: `移动单位 ${unit.name}：上级 ${oldParent?.name ?? "（无）"} → ${parent?.name ?? "（无，最上级）"}`,
    });
  });
}

/** Deactivated units keep their reports and history; they no longer take new users or children. */
export async function setUnitActive(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(activeSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const unit = await lockUnit(tx, input.id);
    if (unit.active === input.active) return;
    if (!input.active) {
      const [children] = await tx.select({ n: count() }).from(units).where(and(eq(units.parentId, unit.id), eq(units.active, true)));
      if (children!.n > 0) throw new StateError(`“${unit.name}”下还有 ${children!.n} 个启用的下级单位：请先停用或移走它们。`);
    } else if (unit.successorId !== null) {
      throw new StateError(`“${unit.name}”已并入其他单位，不能重新启用。`);
    }
    await tx.update(units).set({ active: input.active }).where(eq(units.id, unit.id));
    await recordAudit(tx, {
      actor,
      action: input.active ? "unit.activated" : "unit.deactivated",
      targetType: "unit",
      targetId: unit.id,
      unitId: unit.id,
      summary: `${input.active ? "启用" : "停用"}单位 ${unit.name}（${unit.code}）`,
    });
  });
}

/**
 * 机构改革: the unit is merged into its successor. It is deactivated and names the successor, so carry-over and
 * year-over-year comparisons of the successor follow its history (lib/dal/succession). Its users stay where they
 * are: the admin moves or deactivates them.
 */
export async function mergeUnit(actor: Actor, raw: unknown): Promise<{ moved: number }> {
  assertAdmin(actor);
  const input = parseInput(mergeSchema, raw);
  if (input.id === input.successorId) throw new ValidationError("不能把单位并入它自己。", { successorId: ["请选择另一个单位"] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const unit = await lockUnit(tx, input.id);
    const successor = await lockUnit(tx, input.successorId);
    if (!isFiler(unit.kind) || !isFiler(successor.kind)) throw new StateError("只有填报单位之间可以合并；区域请用“移动”调整。");
    if (unit.successorId !== null) throw new StateError(`“${unit.name}”已经并入其他单位。`);
    if (!successor.active) throw new StateError(`“${successor.name}”已停用，请选择一个启用的单位作为承继单位。`);
    await tx.update(units).set({ successorId: successor.id, active: false }).where(eq(units.id, unit.id));
    // The old unit's clerks go on filing for the successor when asked: their scope changes, so their sessions end.
    const moved = input.moveClerks
      ? await tx
          .update(users)
          .set({ unitId: successor.id, sessionEpoch: sql`${users.sessionEpoch} + 1` })
          .where(and(eq(users.unitId, unit.id), eq(users.role, "clerk")))
          .returning({ username: users.username })
      : [];
    const [left] = await tx.select({ n: count() }).from(users).where(and(eq(users.unitId, unit.id), eq(users.active, true)));
    await recordAudit(tx, {
      actor,
      action: "unit.merged",
      targetType: "unit",
      targetId: unit.id,
      unitId: unit.id,
      summary:
        `单位 ${unit.name}（${unit.code}）并入 ${successor.name}（${successor.code}），原单位已停用` +
        (moved.length ? `；填报员 ${moved.map((u) => u.username).join("、")} 转到承继单位` : "") +
        (left!.n ? `；仍有 ${left!.n} 名用户属于原单位` : ""),
    });
    return { moved: moved.length };
  });
}
