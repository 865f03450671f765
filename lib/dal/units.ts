// Units and the scope rules over the unit tree: who sees which filers.
import "server-only";
import { asc } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { units, type UnitRow } from "@/db/schema";
import { type Actor, isUnitInScope } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { assertAdmin } from "./admin-guard";

export type UnitKind = UnitRow["kind"];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  region: "区域",
  gov_office: "政府办公室",
  township: "乡镇",
  department: "部门",
};

export interface UnitDto {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  kindLabel: string;
  parentId: number | null;
  sortOrder: number;
  active: boolean;
  /** After a merge: the unit that carries on this one. */
  successorId: number | null;
  /** Depth below the root, for indented lists. */
  depth: number;
}

export function isFiler(kind: UnitKind): boolean {
  return kind !== "region";
}

/** The whole tree in display order (parents before children, siblings by sort order). Units are few per county. */
export async function loadUnitTree(db?: Db | Tx): Promise<UnitDto[]> {
  const conn = db ?? (await getDb());
  const rows = await conn.select().from(units).orderBy(asc(units.sortOrder), asc(units.id));
  const children = new Map<number | null, UnitRow[]>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  const out: UnitDto[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const row of children.get(parentId) ?? []) {
      out.push({
        id: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        kindLabel: UNIT_KIND_LABELS[row.kind],
        parentId: row.parentId,
        sortOrder: row.sortOrder,
        active: row.active,
        successorId: row.successorId,
        depth,
      });
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function ancestorsFn(tree: UnitDto[]): (unitId: number) => number[] {
  const parent = new Map(tree.map((u) => [u.id, u.parentId]));
  return (unitId) => {
    const out: number[] = [];
    let current = parent.get(unitId) ?? null;
    while (current !== null && !out.includes(current)) {
      out.push(current);
      current = parent.get(current) ?? null;
    }
    return out;
  };
}

/** The filer units the actor may see: a clerk's own unit, every filer below a supervisor's region. */
export async function listFilersInScope(actor: Actor, db?: Db | Tx): Promise<UnitDto[]> {
  if (actor.role === "admin") return [];
  const tree = await loadUnitTree(db);
  const ancestors = ancestorsFn(tree);
  return tree.filter((u) => isFiler(u.kind) && isUnitInScope(actor, u.id, ancestors));
}

/** One unit by code, if the actor may see it; otherwise "not found" (never "forbidden"). */
export async function getFilerInScope(actor: Actor, code: string, db?: Db | Tx): Promise<UnitDto> {
  const unit = (await listFilersInScope(actor, db)).find((u) => u.code === code);
  if (!unit) throw new NotFoundError("未找到该单位，或该单位不在您的管理范围内。");
  return unit;
}

/** Admin listing of the whole tree. */
export async function listUnitsForAdmin(actor: Actor): Promise<UnitDto[]> {
  assertAdmin(actor);
  return loadUnitTree();
}
