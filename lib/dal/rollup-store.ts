// Region reports in the database: the region in the actor's scope, the stored roll-up and its narratives, and
// writing a fresh roll-up. Shared by the view (rollup.ts), the actions (rollup-actions.ts) and the drill-down.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { regionNarratives, regionReportCells, regionReports, unitReports, users, type RollupSnapshotEntry } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, StateError } from "@/lib/errors";
import { canonicalDecimal, emptyValues, getFormat, type CellValues, type FormatVersion, type NarrativeId } from "@/lib/report-format";
import { computeRollup, includedEntries, intArrayParam, listContributors, sameEntries, type Conn, type RollupComputation } from "./rollup-compute";
import { ancestorsFn, loadUnitTree, type UnitDto } from "./units";

export type RegionReportRow = typeof regionReports.$inferSelect;

/** The regions a supervisor may roll up: their own region and every region below it, in tree order. */
export async function listRegionsInScope(actor: Actor, conn: Conn): Promise<UnitDto[]> {
  if (actor.role !== "supervisor" || actor.regionId === null) return [];
  const tree = await loadUnitTree(conn);
  const ancestors = ancestorsFn(tree);
  const root = actor.regionId;
  return tree.filter((u) => u.kind === "region" && (u.id === root || ancestors(u.id).includes(root)));
}

/** The region named by code (default: the supervisor's own), if in scope; otherwise "not found". */
export async function getRegionInScope(actor: Actor, conn: Conn, code?: string): Promise<{ region: UnitDto; regions: UnitDto[] }> {
  const regions = await listRegionsInScope(actor, conn);
  const region = code ? regions.find((r) => r.code === code) : regions.find((r) => r.id === actor.regionId);
  if (!region) throw new NotFoundError("未找到该区域，或该区域不在您的管理范围内。");
  return { region, regions };
}

export async function findRegionReport(conn: Conn, year: number, regionId: number, opts: { lock?: boolean } = {}): Promise<RegionReportRow | null> {
  const query = conn
    .select()
    .from(regionReports)
    .where(and(eq(regionReports.year, year), eq(regionReports.unitId, regionId)));
  const [row] = opts.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The region report of the year, created (not rolled up, no text) on first use; locked for the transaction. */
export async function ensureRegionReport(tx: Conn, year: number, regionId: number, actorId: number | null): Promise<RegionReportRow> {
  await tx.insert(regionReports).values({ year, unitId: regionId, updatedBy: actorId }).onConflictDoNothing();
  const row = await findRegionReport(tx, year, regionId, { lock: true });
  if (!row) throw new Error(`region report ${year}/${regionId} missing after insert`);
  return row;
}

/** Changing a published region report needs a correction first (lib/dal/region-publish starts one). */
export function assertRegionEditable(row: RegionReportRow): void {
  if (row.status === "published") throw new StateError("汇总报告已发布，如需修改请先启动更正。");
}

export async function loadRegionValues(conn: Conn, formatVersion: FormatVersion, regionReportId: number): Promise<CellValues> {
  const values = emptyValues(getFormat(formatVersion));
  const rows = await conn.select().from(regionReportCells).where(eq(regionReportCells.regionReportId, regionReportId));
  for (const r of rows) if (r.cell in values) values[r.cell] = r.value === null ? null : canonicalDecimal(r.value);
  return values;
}

export async function loadRegionNarratives(conn: Conn, regionReportId: number): Promise<Partial<Record<NarrativeId, string>>> {
  const out: Partial<Record<NarrativeId, string>> = {};
  for (const n of await conn.select().from(regionNarratives).where(eq(regionNarratives.regionReportId, regionReportId))) {
    out[n.section as NarrativeId] = n.body;
  }
  return out;
}

export async function rolledUpByName(conn: Conn, row: RegionReportRow): Promise<string | null> {
  if (row.rolledUpBy === null) return null;
  const [user] = await conn.select({ name: users.displayName }).from(users).where(eq(users.id, row.rolledUpBy));
  return user?.name ?? null;
}

/**
 * Computes the roll-up afresh and stores it as the region report's figures (inside the caller's transaction). The
 * included unit reports are locked FOR SHARE before the sums are read, so no status change or save can slip between
 * the snapshot of what is included and the sums.
 */
export async function storeRollup(tx: Conn, row: RegionReportRow, formatVersion: FormatVersion, actorId: number | null): Promise<RollupComputation> {
  // Lock what is included, then list again: if something changed before the lock took hold, lock that too.
  let listed = await listContributors(tx, row.year, row.unitId);
  for (let attempt = 0; attempt < 5; attempt++) {
    await lockEntries(tx, includedEntries(listed));
    const again = await listContributors(tx, row.year, row.unitId);
    const settled = sameEntries(includedEntries(again), includedEntries(listed));
    listed = again;
    if (settled) break;
  }
  const fresh = await computeRollup(tx, row.year, formatVersion, row.unitId, listed);
  await tx.delete(regionReportCells).where(eq(regionReportCells.regionReportId, row.id));
  const cells = Object.entries(fresh.values).map(([cell, value]) => ({ regionReportId: row.id, cell, value: value ?? null }));
  if (cells.length) await tx.insert(regionReportCells).values(cells);
  const now = new Date();
  await tx
    .update(regionReports)
    .set({
      included: fresh.included,
      rolledUpAt: now,
      rolledUpBy: actorId,
      lockVersion: row.lockVersion + 1,
      rollupVersion: row.rollupVersion + 1,
      updatedAt: now,
      updatedBy: actorId,
    })
    .where(eq(regionReports.id, row.id));
  return fresh;
}

async function lockEntries(tx: Conn, entries: readonly RollupSnapshotEntry[]): Promise<void> {
  const reportIds = entries.filter((e) => e.source === "report").map((e) => e.id);
  const regionIds = entries.filter((e) => e.source === "region").map((e) => e.id);
  if (reportIds.length) {
    await tx.select({ id: unitReports.id }).from(unitReports).where(sql`${unitReports.id} = any(${intArrayParam(reportIds)})`).for("share");
  }
  if (regionIds.length) {
    await tx.select({ id: regionReports.id }).from(regionReports).where(sql`${regionReports.id} = any(${intArrayParam(regionIds)})`).for("share");
  }
}
