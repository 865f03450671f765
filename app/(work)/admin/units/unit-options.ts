// Options for the unit pickers of the admin forms: regions as possible parents, filers as successors or clerk units.
import type { UnitDto } from "@/lib/dal/units";

const indent = (depth: number) => "\u3000".repeat(depth);

/** Active regions, indented by depth; excluding a unit and everything below it (it cannot move under itself). */
export function regionOptions(tree: UnitDto[], exclude?: number): { value: string; label: string }[] {
  const excluded = new Set<number>();
  if (exclude !== undefined) {
    excluded.add(exclude);
    for (const u of tree) if (u.parentId !== null && excluded.has(u.parentId)) excluded.add(u.id);
  }
  return tree
    .filter((u) => u.kind === "region" && u.active && !excluded.has(u.id))
    .map((u) => ({ value: String(u.id), label: `${indent(u.depth)}${u.name}（${u.code}）` }));
}

export function filerOptions(tree: UnitDto[], exclude?: number): { value: string; label: string }[] {
  return tree
    .filter((u) => u.kind !== "region" && u.active && u.id !== exclude)
    .map((u) => ({ value: String(u.id), label: `${u.name}（${u.code}）` }));
}

export const KIND_OPTIONS = [
  { value: "region", label: "区域（汇总下级单位，不单独填报）" },
  { value: "gov_office", label: "县政府办公室" },
  { value: "township", label: "乡镇 / 管委会" },
  { value: "department", label: "部门" },
];

/** The code of each unit's root region, so a list can be read per county. */
export function rootCodes(tree: UnitDto[]): Map<number, string> {
  const byId = new Map(tree.map((u) => [u.id, u]));
  const out = new Map<number, string>();
  for (const u of tree) {
    let at = u;
    while (at.parentId !== null && byId.has(at.parentId)) at = byId.get(at.parentId)!;
    out.set(u.id, at.code);
  }
  return out;
}
