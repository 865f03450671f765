// What /county/[year] shows for a region in the supervisor's scope: the stored roll-up with its narratives (live
// figures substituted), who is included, excluded or missing, whether it is stale and what a refresh would change,
// the checks, subtotals by unit kind, and each included unit's text sections for reference.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reportNarratives, type RollupSnapshotEntry } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import {
  allCellValues,
  getFormat,
  substituteCellRefs,
  validateReport,
  type CellValues,
  type FormatDef,
  type Issue,
  type NarrativeId,
  type ReportData,
} from "@/lib/report-format";
import { computeRollup, intArrayParam, sameEntries, type Conn, type ContributorDto, type RollupComputation } from "./rollup-compute";
import { kindSubtotals, type KindSubtotal } from "./rollup-drill";
import { findRegionReport, getRegionInScope, loadRegionNarratives, loadRegionValues, rolledUpByName, type RegionReportRow } from "./rollup-store";
import type { UnitDto } from "./units";
import { getYear, type YearDto } from "./years";

export const REGION_STATUS_LABELS = { none: "尚未汇总", draft: "草稿", published: "已发布", correcting: "更正中" } as const;
export type RegionStatus = keyof typeof REGION_STATUS_LABELS;

export interface CellChange {
  cell: string;
  from: string | null;
  to: string | null;
}

export interface Staleness {
  units: { code: string; name: string; why: string }[];
  changes: CellChange[];
}

export interface UnitNarratives {
  code: string;
  name: string;
  kindLabel: string;
  narratives: Partial<Record<NarrativeId, string>>;
}

export interface CountyView {
  region: UnitDto;
  regions: UnitDto[];
  year: YearDto;
  status: RegionStatus;
  statusLabel: string;
  lockVersion: number;
  rolledUpAt: Date | null;
  rolledUpByName: string | null;
  /** The narratives as written, with their {{cell}} tokens. */
  narratives: Partial<Record<NarrativeId, string>>;
  /** The stored roll-up for the official layout, narratives with live figures substituted; null before the first roll-up. */
  report: ReportData | null;
  /** Every cell's stored value, totals included (what tokens show). */
  cellValues: Record<string, string | null>;
  contributors: ContributorDto[];
  stale: Staleness | null;
  issues: Issue[];
  subtotals: KindSubtotal[];
  unitNarratives: UnitNarratives[];
}

/** The narratives with every live figure replaced by the roll-up's value (what prints). */
export function renderNarratives(format: FormatDef, narratives: Partial<Record<NarrativeId, string>>, values: Record<string, string | null>) {
  const out: Partial<Record<NarrativeId, string>> = {};
  for (const [id, text] of Object.entries(narratives) as [NarrativeId, string][]) out[id] = substituteCellRefs(format, text, values);
  return out;
}

/** Compares the stored roll-up with a fresh computation: which units changed and which cells would change. */
export function stalenessOf(format: FormatDef, stored: { included: RollupSnapshotEntry[]; values: CellValues }, fresh: RollupComputation): Staleness | null {
  if (sameEntries(stored.included, fresh.included)) return null;
  const byUnit = new Map(fresh.contributors.map((c) => [c.unitId, c]));
  const freshEntry = new Map(fresh.included.map((e) => [e.unitId, e]));
  const units: Staleness["units"] = [];
  const storedUnits = new Set(stored.included.map((e) => e.unitId));
  for (const e of stored.included) {
    const c = byUnit.get(e.unitId);
    const f = freshEntry.get(e.unitId);
    if (!c) units.push({ code: "", name: `（单位 ${e.unitId} 已不在本区域下）`, why: "不再属于本区域" });
    else if (!f) units.push({ code: c.code, name: c.name, why: c.state === "excluded" ? "已排除" : `现为「${c.statusLabel}」，不再计入` });
    else if (f.id !== e.id || f.version !== e.version) units.push({ code: c.code, name: c.name, why: e.source === "region" ? "下级汇总已更新" : "汇总后报表有修改" });
  }
  for (const f of fresh.included) {
    const c = byUnit.get(f.unitId)!;
    if (!storedUnits.has(f.unitId)) units.push({ code: c.code, name: c.name, why: f.source === "region" ? "下级区域已汇总" : "汇总后新审核通过" });
  }
  const before = allCellValues(format, stored.values);
  const after = allCellValues(format, fresh.values);
  const changes = format.cells.filter((c) => before[c.address] !== after[c.address]).map((c) => ({ cell: c.address, from: before[c.address] ?? null, to: after[c.address] ?? null }));
  return { units, changes };
}

async function previousRollup(conn: Conn, region: UnitDto, year: YearDto): Promise<ReportData | null> {
  const row = await findRegionReport(conn, year.year - 1, region.id);
  if (!row?.rolledUpAt) return null;
  const prev = await getYear(year.year - 1, conn).catch(() => null);
  if (!prev || prev.formatVersion !== year.formatVersion) return null;
  return { formatVersion: prev.formatVersion, year: prev.year, unit: { code: region.code, name: region.name }, narratives: {}, values: await loadRegionValues(conn, prev.formatVersion, row.id) };
}

async function loadUnitNarratives(conn: Conn, fresh: RollupComputation): Promise<UnitNarratives[]> {
  const format = getFormat(fresh.formatVersion);
  const included = fresh.contributors.filter((c) => c.state === "included" && c.entry);
  const reportIds = included.filter((c) => c.entry!.source === "report").map((c) => c.entry!.id);
  const texts = new Map<number, Partial<Record<NarrativeId, string>>>();
  if (reportIds.length) {
    const rows = await conn.select().from(reportNarratives).where(sql`${reportNarratives.reportId} = any(${intArrayParam(reportIds)})`);
    for (const r of rows) texts.set(r.reportId, { ...texts.get(r.reportId), [r.section as NarrativeId]: r.body });
  }
  const out: UnitNarratives[] = [];
  for (const c of included) {
    const entry = c.entry!;
    let narratives = texts.get(entry.id) ?? {};
    if (entry.source === "region") {
      const values = allCellValues(format, await loadRegionValues(conn, fresh.formatVersion, entry.id));
      narratives = renderNarratives(format, await loadRegionNarratives(conn, entry.id), values);
    }
    out.push({ code: c.code, name: c.name, kindLabel: c.kindLabel, narratives });
  }
  return out;
}

export async function getCountyView(actor: Actor, yearNumber: number, regionCode?: string): Promise<CountyView> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const db = await getDb();
  const { region, regions } = await getRegionInScope(actor, db, regionCode);
  const year = await getYear(yearNumber, db);
  const format = getFormat(year.formatVersion);
  const row: RegionReportRow | null = await findRegionReport(db, yearNumber, region.id);
  const fresh = await computeRollup(db, yearNumber, year.formatVersion, region.id);
  const narratives = row ? await loadRegionNarratives(db, row.id) : {};
  const rolledUp = row?.rolledUpAt ? row : null;
  const stored = rolledUp ? { included: rolledUp.included, values: await loadRegionValues(db, year.formatVersion, rolledUp.id) } : null;
  const cellValues = stored ? allCellValues(format, stored.values) : {};
  const report: ReportData | null = stored
    ? { formatVersion: year.formatVersion, year: yearNumber, unit: { code: region.code, name: region.name }, narratives: renderNarratives(format, narratives, cellValues), values: stored.values }
    : null;
  const previous = report ? await previousRollup(db, region, year) : null;
  const status: RegionStatus = rolledUp ? rolledUp.status : "none";
  return {
    region,
    regions,
    year,
    status,
    statusLabel: REGION_STATUS_LABELS[status],
    lockVersion: row?.lockVersion ?? 0,
    rolledUpAt: rolledUp?.rolledUpAt ?? null,
    rolledUpByName: rolledUp ? await rolledUpByName(db, rolledUp) : null,
    narratives,
    report,
    cellValues,
    contributors: fresh.contributors,
    stale: stored ? stalenessOf(format, stored, fresh) : null,
    issues: report ? validateReport(report, previous ? { previous } : {}) : [],
    subtotals: stored ? await kindSubtotals(db, year.formatVersion, stored.included) : [],
    unitNarratives: await loadUnitNarratives(db, fresh),
  };
}
