// Behind a county figure: the units that contributed to one cell with their values, and subtotals by unit kind
// (政府办公室 / 乡镇 / 部门 / 下级区域), summed in SQL over the entries of the stored roll-up.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { regionReportCells, reportCells, unitReports, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import {
  allCellValues,
  canonicalDecimal,
  decimalAdd,
  decimalSum,
  emptyValues,
  getFormat,
  totalTerms,
  type FormatVersion,
} from "@/lib/report-format";
import type { RollupSnapshotEntry } from "@/db/schema";
import { entryValues, intArrayParam, listContributors, sameEntries, type Conn } from "./rollup-compute";
import { findRegionReport, getRegionInScope, loadRegionValues } from "./rollup-store";
import { UNIT_KIND_LABELS, type UnitKind } from "./units";
import { getYear } from "./years";

const KIND_ORDER: (UnitKind | "region")[] = ["gov_office", "township", "department", "region"];
const kindLabel = (kind: UnitKind) => (kind === "region" ? "下级区域" : UNIT_KIND_LABELS[kind]);

export interface KindSubtotal {
  kind: UnitKind;
  label: string;
  units: number;
  /** Every cell, totals included. */
  values: Record<string, string | null>;
}

/** Subtotals by unit kind over the entries (child regions form one group), every cell with totals. */
export async function kindSubtotals(conn: Conn, formatVersion: FormatVersion, entries: readonly RollupSnapshotEntry[]): Promise<KindSubtotal[]> {
  const format = getFormat(formatVersion);
  const groups = new Map<UnitKind, { units: number; values: Record<string, string | null> }>();
  const group = (kind: UnitKind) => {
    const g = groups.get(kind) ?? { units: 0, values: emptyValues(format) };
    groups.set(kind, g);
    return g;
  };
  const add = (kind: UnitKind, cell: string, total: string | null) => {
    const values = group(kind).values;
    if (total === null || !(cell in values)) return;
    const before = values[cell];
    values[cell] = before === null || before === undefined ? canonicalDecimal(total) : decimalAdd(before, canonicalDecimal(total));
  };
  const reportIds = entries.filter((e) => e.source === "report").map((e) => e.id);
  const regionIds = entries.filter((e) => e.source === "region").map((e) => e.id);
  if (reportIds.length) {
    const ids = intArrayParam(reportIds);
    const counts = await conn
      .select({ kind: units.kind, n: sql<number>`count(*)::int` })
      .from(unitReports)
      .innerJoin(units, eq(units.id, unitReports.unitId))
      .where(sql`${unitReports.id} = any(${ids})`)
      .groupBy(units.kind);
    for (const c of counts) group(c.kind).units = c.n;
    const rows = await conn
      .select({ kind: units.kind, cell: reportCells.cell, total: sql<string | null>`sum(${reportCells.value})::text` })
      .from(reportCells)
      .innerJoin(unitReports, eq(unitReports.id, reportCells.reportId))
      .innerJoin(units, eq(units.id, unitReports.unitId))
      .where(sql`${reportCells.reportId} = any(${ids})`)
      .groupBy(units.kind, reportCells.cell);
    for (const r of rows) add(r.kind, r.cell, r.total);
  }
  if (regionIds.length) {
    group("region").units = regionIds.length;
    const rows = await conn
      .select({ cell: regionReportCells.cell, total: sql<string | null>`sum(${regionReportCells.value})::text` })
      .from(regionReportCells)
      .where(sql`${regionReportCells.regionReportId} = any(${intArrayParam(regionIds)})`)
      .groupBy(regionReportCells.cell);
    for (const r of rows) add("region", r.cell, r.total);
  }
  return KIND_ORDER.filter((k) => groups.has(k)).map((kind) => {
    const g = groups.get(kind)!;
    return { kind, label: kindLabel(kind), units: g.units, values: allCellValues(format, g.values) };
  });
}

export interface CellContributions {
  cell: string;
  label: string;
  /** The value the county report shows (stored roll-up). */
  countyValue: string | null;
  /** Sum of the rows below (the units' current values). */
  sum: string;
  /** The roll-up is stale: the units' current values may not add up to the county value. */
  stale: boolean;
  rows: { code: string; name: string; kind: UnitKind; kindLabel: string; value: string | null }[];
  subtotals: { kind: UnitKind; label: string; value: string }[];
}

const drillSchema = z.object({
  year: z.number().int().min(2019).max(2100),
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  cell: z.string().max(120),
});

/** The units behind one cell of the stored roll-up (a total: each unit's own total), with subtotals by kind. */
export async function getCellContributions(actor: Actor, raw: unknown): Promise<CellContributions> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const parsed = drillSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError("请求无效。");
  const input = parsed.data;
  const db = await getDb();
  const { region } = await getRegionInScope(actor, db, input.region);
  const year = await getYear(input.year, db);
  const format = getFormat(year.formatVersion);
  const def = format.cell(input.cell);
  if (!def) throw new ValidationError("没有这个单元格。");
  const row = await findRegionReport(db, input.year, region.id);
  if (!row?.rolledUpAt) throw new NotFoundError("尚未汇总，请先汇总。");
  const inputs = def.kind === "total" ? totalTerms(format)[def.address]!.flatMap((t) => totalTerms(format)[t] ?? [t]) : [def.address];
  const values = await entryValues(db, row.included, inputs);
  const contributors = await listContributors(db, input.year, region.id);
  const byUnit = new Map(contributors.map((c) => [c.unitId, c]));
  const rows: CellContributions["rows"] = row.included.map((e) => {
    const c = byUnit.get(e.unitId);
    const own = values.get(e.unitId);
    const present = inputs.map((cell) => own?.get(cell) ?? null).filter((v): v is string => v !== null);
    const kind: UnitKind = c?.kind ?? "region";
    return { code: c?.code ?? "", name: c?.name ?? `单位 ${e.unitId}`, kind, kindLabel: kindLabel(kind), value: present.length ? decimalSum(present) : null };
  });
  const subtotals = KIND_ORDER.filter((k) => rows.some((r) => r.kind === k)).map((kind) => ({
    kind,
    label: kindLabel(kind),
    value: decimalSum(rows.filter((r) => r.kind === kind).map((r) => r.value)),
  }));
  const stored = allCellValues(format, await loadRegionValues(db, year.formatVersion, row.id));
  const fresh = contributors.filter((c) => c.state === "included" && c.entry).map((c) => c.entry!);
  return {
    cell: def.address,
    label: def.accessibleName,
    countyValue: stored[def.address] ?? null,
    sum: decimalSum(rows.map((r) => r.value)),
    stale: !sameEntries(row.included, fresh),
    rows,
    subtotals,
  };
}
