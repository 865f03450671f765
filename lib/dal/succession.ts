// Unit succession after a merge (机构改革): which earlier units a unit carries on, so last year's report follows it.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { unitReports, units } from "@/db/schema";

/** Every unit whose successor chain leads to unitId (direct predecessors first), excluding unitId itself. */
export async function predecessorIds(db: Db | Tx, unitId: number): Promise<number[]> {
  const rows = await db.select({ id: units.id, successorId: units.successorId }).from(units);
  const bySuccessor = new Map<number, number[]>();
  for (const r of rows) {
    if (r.successorId === null) continue;
    bySuccessor.set(r.successorId, [...(bySuccessor.get(r.successorId) ?? []), r.id]);
  }
  const out: number[] = [];
  let frontier = [unitId];
  while (frontier.length) {
    const next: number[] = [];
    for (const id of frontier) {
      for (const p of bySuccessor.get(id) ?? []) {
        if (p !== unitId && !out.includes(p)) {
          out.push(p);
          next.push(p);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * The final (approved or published) report of a year filed by a unit that was merged into this one, when the unit
 * itself has none. With several predecessors the nearest one with a final report is used (lowest id among equals).
 */
export async function predecessorReportId(db: Db | Tx, unitId: number, year: number): Promise<number | null> {
  const ids = await predecessorIds(db, unitId);
  if (ids.length === 0) return null;
  const rows = await db
    .select({ id: unitReports.id, unitId: unitReports.unitId })
    .from(unitReports)
    .where(and(eq(unitReports.year, year), inArray(unitReports.unitId, ids), inArray(unitReports.status, ["approved", "published"])));
  for (const id of ids) {
    const hit = rows.filter((r) => r.unitId === id).sort((a, b) => a.id - b.id)[0];
    if (hit) return hit.id;
  }
  return null;
}
