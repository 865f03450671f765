// The roll-up of a region computed in SQL: which children contribute (a filer's approved or published report, a child
// region's stored roll-up), which are excluded or missing, and the exact sums per cell (PostgreSQL numeric).
// No actor here: callers (lib/dal/rollup.ts, the CLI, the bench) check scope first.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { regionReportCells, regionReports, reportCells, rollupExclusions, unitReports, units, users, type RollupSnapshotEntry } from "@/db/schema";
import { canonicalDecimal, decimalAdd, emptyValues, getFormat, type CellValues, type FormatVersion } from "@/lib/report-format";
import { STATUS_LABELS, type ProgressStatus } from "./reports";
import { UNIT_KIND_LABELS, type UnitKind } from "./units";

export type Conn = Db | Tx;

/** Unit reports in these states count; anything else is "missing" (not yet approved). */
export const ROLLUP_STATUSES = ["approved", "published"] as const;

export interface ContributorDto {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  kindLabel: string;
  source: "report" | "region";
  state: "included" | "excluded" | "missing";
  /** The unit report's status, or for a child region whether it has a roll-up. */
  statusLabel: string;
  /** What would be included now (the approved report, the child's roll-up), excluded or not. */
  entry: RollupSnapshotEntry | null;
  exclusion: { reason: string; byName: string | null; at: Date } | null;
}

export interface RollupComputation {
  year: number;
  formatVersion: FormatVersion;
  regionId: number;
  contributors: ContributorDto[];
  included: RollupSnapshotEntry[];
  values: CellValues;
}

/** An int[] as one text parameter ('{1,2,3}'), so 10,000 ids are one bind value, not 10,000. */
export function intArrayParam(ids: readonly number[]) {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
}

/** The region's children with what each would contribute for the year. Inactive children without a report are left out. */
export async function listContributors(conn: Conn, year: number, regionId: number): Promise<ContributorDto[]> {
  const rows = await conn
    .select({
      unit: { id: units.id, code: units.code, name: units.name, kind: units.kind, active: units.active },
      report: { id: unitReports.id, status: unitReports.status, lockVersion: unitReports.lockVersion },
      child: { id: regionReports.id, rollupVersion: regionReports.rollupVersion, rolledUpAt: regionReports.rolledUpAt },
      exclusion: { reason: rollupExclusions.reason, at: rollupExclusions.excludedAt },
      excludedByName: users.displayName,
    })
    .from(units)
    .leftJoin(unitReports, and(eq(unitReports.unitId, units.id), eq(unitReports.year, year)))
    .leftJoin(regionReports, and(eq(regionReports.unitId, units.id), eq(regionReports.year, year)))
    .leftJoin(rollupExclusions, and(eq(rollupExclusions.unitId, units.id), eq(rollupExclusions.year, year), eq(rollupExclusions.regionId, regionId)))
    .leftJoin(users, eq(users.id, rollupExclusions.excludedBy))
    .where(eq(units.parentId, regionId))
    .orderBy(asc(units.sortOrder), asc(units.id));
  const out: ContributorDto[] = [];
  for (const { unit, report, child, exclusion, excludedByName } of rows) {
    const isRegion = unit.kind === "region";
    if (!unit.active && !(isRegion ? child : report)) continue;
    let entry: RollupSnapshotEntry | null = null;
    let statusLabel: string;
    if (isRegion) {
      if (child?.rolledUpAt) entry = { unitId: unit.id, source: "region", id: child.id, version: child.rollupVersion };
      statusLabel = entry ? "已汇总" : "尚未汇总";
    } else {
      const status: ProgressStatus = report?.status ?? "not_started";
      if (report && (ROLLUP_STATUSES as readonly string[]).includes(report.status)) {
        entry = { unitId: unit.id, source: "report", id: report.id, version: report.lockVersion };
      }
      statusLabel = STATUS_LABELS[status];
    }
    out.push({
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      kindLabel: isRegion ? "下级区域" : UNIT_KIND_LABELS[unit.kind],
      source: isRegion ? "region" : "report",
      state: exclusion ? "excluded" : entry ? "included" : "missing",
      statusLabel,
      entry,
      exclusion: exclusion ? { reason: exclusion.reason, byName: excludedByName, at: exclusion.at } : null,
    });
  }
  return out;
}

/** Exact sums per cell over the entries; a cell stays blank only when it is blank in every entry. */
export async function sumEntries(conn: Conn, formatVersion: FormatVersion, entries: readonly RollupSnapshotEntry[]): Promise<CellValues> {
  const format = getFormat(formatVersion);
  const values = emptyValues(format);
  const add = (cell: string, total: string | null) => {
    if (total === null || !(cell in values)) return;
    const sum = canonicalDecimal(total);
    const before = values[cell];
    values[cell] = before === null || before === undefined ? sum : decimalAdd(before, sum);
  };
  const reportIds = entries.filter((e) => e.source === "report").map((e) => e.id);
  const regionIds = entries.filter((e) => e.source === "region").map((e) => e.id);
  if (reportIds.length) {
    const rows = await conn
      .select({ cell: reportCells.cell, total: sql<string | null>`sum(${reportCells.value})::text` })
      .from(reportCells)
      .where(sql`${reportCells.reportId} = any(${intArrayParam(reportIds)})`)
      .groupBy(reportCells.cell);
    for (const row of rows) add(row.cell, row.total);
  }
  if (regionIds.length) {
    const rows = await conn
      .select({ cell: regionReportCells.cell, total: sql<string | null>`sum(${regionReportCells.value})::text` })
      .from(regionReportCells)
      .where(sql`${regionReportCells.regionReportId} = any(${intArrayParam(regionIds)})`)
      .groupBy(regionReportCells.cell);
    for (const row of rows) add(row.cell, row.total);
  }
  return values;
}

/** The fresh roll-up of a region for a year, with the recorded exclusions applied. */
export async function computeRollup(conn: Conn, year: number, formatVersion: FormatVersion, regionId: number, listed?: ContributorDto[]): Promise<RollupComputation> {
  const contributors = listed ?? (await listContributors(conn, year, regionId));
  const included = includedEntries(contributors);
  return { year, formatVersion, regionId, contributors, included, values: await sumEntries(conn, formatVersion, included) };
}

export function includedEntries(contributors: readonly ContributorDto[]): RollupSnapshotEntry[] {
  return contributors.filter((c) => c.state === "included" && c.entry).map((c) => c.entry!);
}

/** Each entry's value of some cells, per unit (input cells only; totals are added up by the caller). */
export async function entryValues(conn: Conn, entries: readonly RollupSnapshotEntry[], cells: readonly string[]): Promise<Map<number, Map<string, string | null>>> {
  const out = new Map<number, Map<string, string | null>>();
  const put = (unitId: number, cell: string, value: string | null) => {
    const map = out.get(unitId) ?? new Map<string, string | null>();
    map.set(cell, value === null ? null : canonicalDecimal(value));
    out.set(unitId, map);
  };
  const reports = entries.filter((e) => e.source === "report");
  const regions = entries.filter((e) => e.source === "region");
  const cellList = sql`${`{${cells.map((c) => `"${c.replace(/[^a-z_.]/g, "")}"`).join(",")}}`}::text[]`;
  if (reports.length) {
    const unitOf = new Map(reports.map((e) => [e.id, e.unitId]));
    const rows = await conn
      .select({ id: reportCells.reportId, cell: reportCells.cell, value: reportCells.value })
      .from(reportCells)
      .where(and(sql`${reportCells.reportId} = any(${intArrayParam(reports.map((e) => e.id))})`, sql`${reportCells.cell} = any(${cellList})`));
    for (const r of rows) put(unitOf.get(r.id)!, r.cell, r.value);
  }
  if (regions.length) {
    const unitOf = new Map(regions.map((e) => [e.id, e.unitId]));
    const rows = await conn
      .select({ id: regionReportCells.regionReportId, cell: regionReportCells.cell, value: regionReportCells.value })
      .from(regionReportCells)
      .where(and(sql`${regionReportCells.regionReportId} = any(${intArrayParam(regions.map((e) => e.id))})`, sql`${regionReportCells.cell} = any(${cellList})`));
    for (const r of rows) put(unitOf.get(r.id)!, r.cell, r.value);
  }
  return out;
}

/** Same entries (same sources, ids and versions), whatever the order. */
export function sameEntries(a: readonly RollupSnapshotEntry[], b: readonly RollupSnapshotEntry[]): boolean {
  const key = (e: RollupSnapshotEntry) => `${e.source}:${e.unitId}:${e.id}:${e.version}`;
  const left = new Set(a.map(key));
  return a.length === b.length && b.every((e) => left.has(key(e)));
}
