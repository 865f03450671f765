// Unit reports: progress lists and read views, scoped to what the acting user may see.
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { reportCells, reportingYears, reportNarratives, reportTransitions, unitReports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { emptyValues, getFormat, type NarrativeId, type ReportData } from "@/lib/report-format";
import { predecessorReportId } from "./succession";
import { getFilerInScope, listFilersInScope, type UnitDto } from "./units";
import { getYear } from "./years";

export type ReportStatus = (typeof unitReports.$inferSelect)["status"];
import { STATUS_LABELS, type ProgressStatus } from "@/lib/lifecycle";

export { STATUS_LABELS, type ProgressStatus };

export interface ProgressRow {
  unit: UnitDto;
  status: ProgressStatus;
  statusLabel: string;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** One row per filer in the supervisor's region (clerks see their own unit only). */
export async function listReportProgress(actor: Actor, year: number): Promise<ProgressRow[]> {
  if (actor.role === "admin") throw new NotFoundError();
  await getYear(year);
  const db = await getDb();
  const filers = await listFilersInScope(actor, db);
  if (filers.length === 0) return [];
  const rows = await db
    .select({
      unitId: unitReports.unitId,
      status: unitReports.status,
      updatedAt: unitReports.statusChangedAt,
      updatedByName: users.displayName,
    })
    .from(unitReports)
    .leftJoin(users, eq(users.id, unitReports.statusChangedBy))
    .where(and(eq(unitReports.year, year), inArray(unitReports.unitId, filers.map((f) => f.id))));
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  // A deactivated (or merged) unit is no longer expected to file; it stays listed for a year it did file.
  return filers.filter((unit) => unit.active || byUnit.has(unit.id)).map((unit) => {
    const r = byUnit.get(unit.id);
    const status: ProgressStatus = r?.status ?? "not_started";
    return {
      unit,
      status,
      statusLabel: STATUS_LABELS[status],
      updatedAt: r?.updatedAt ?? null,
      updatedByName: r?.updatedByName ?? null,
    };
  });
}

export interface ReportView {
  unit: UnitDto;
  year: number;
  status: ProgressStatus;
  statusLabel: string;
  lockVersion: number;
  report: ReportData;
}

/** Reads one report's figures and narratives; blank cells stay null. */
export async function loadReportData(
  db: Db | Tx,
  reportId: number | null,
  meta: { year: number; formatVersion: "2019" | "2021"; unit: { code: string; name: string } },
): Promise<ReportData> {
  const format = getFormat(meta.formatVersion);
  const values = emptyValues(format);
  const narratives: ReportData["narratives"] = {};
  if (reportId !== null) {
    for (const c of await db.select().from(reportCells).where(eq(reportCells.reportId, reportId))) {
      if (c.cell in values) values[c.cell] = c.value;
    }
    for (const n of await db.select().from(reportNarratives).where(eq(reportNarratives.reportId, reportId))) {
      narratives[n.section as NarrativeId] = n.body;
    }
  }
  return { formatVersion: meta.formatVersion, year: meta.year, unit: meta.unit, narratives, values };
}

/** A unit's report for reading: a supervisor in scope, or the unit's own clerk. Anything else is "not found". */
export async function getReportView(actor: Actor, year: number, unitCode: string): Promise<ReportView> {
  if (actor.role === "admin") throw new NotFoundError();
  const db = await getDb();
  const unit = await getFilerInScope(actor, unitCode, db);
  const y = await getYear(year);
  const [row] = await db
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.year, year), eq(unitReports.unitId, unit.id)));
  const status: ProgressStatus = row?.status ?? "not_started";
  return {
    unit,
    year,
    status,
    statusLabel: STATUS_LABELS[status],
    lockVersion: row?.lockVersion ?? 0,
    report: await loadReportData(db, row?.id ?? null, {
      year,
      formatVersion: y.formatVersion,
      unit: { code: unit.code, name: unit.name },
    }),
  };
}

/** Last year's final (approved or published) report of the same unit (or of the unit it succeeded), for carry-over and the cross-year rules. */
export async function loadPreviousReport(db: Db | Tx, unit: { id: number; code: string; name: string }, year: number): Promise<ReportData | null> {
  const [prevYear] = await db.select().from(reportingYears).where(eq(reportingYears.year, year - 1));
  if (!prevYear) return null;
  const [row] = await db
    .select({ id: unitReports.id })
    .from(unitReports)
    .where(and(eq(unitReports.year, year - 1), eq(unitReports.unitId, unit.id), inArray(unitReports.status, ["approved", "published"])));
  // After a merge the unit's own history starts this year: follow the unit(s) it succeeded. The report is labelled
  // with this unit below, so the cross-year rules (which compare the same unit only) apply to it.
  const reportId = row?.id ?? (await predecessorReportId(db, unit.id, year - 1));
  if (reportId === null) return null;
  return loadReportData(db, reportId, {
    year: year - 1,
    formatVersion: prevYear.formatVersion === "2019" ? "2019" : "2021",
    unit: { code: unit.code, name: unit.name },
  });
}

export interface LastTransition {
  action: string;
  reason: string | null;
  at: Date;
  byName: string | null;
}

export interface FillView extends ReportView {
  formatVersion: "2019" | "2021";
  editable: boolean;
  yearOpen: boolean;
  unitDeadline: string;
  previous: ReportData | null;
  lastTransition: LastTransition | null;
}

/** Everything the clerk's form needs for their own unit's report of a year. */
export async function getFillView(actor: Actor, year: number): Promise<FillView> {
  if (actor.role !== "clerk" || !actor.unitCode) throw new NotFoundError();
  const view = await getReportView(actor, year, actor.unitCode);
  const y = await getYear(year);
  const db = await getDb();
  const [report] = await db
    .select({ id: unitReports.id })
    .from(unitReports)
    .where(and(eq(unitReports.year, year), eq(unitReports.unitId, view.unit.id)));
  let lastTransition: LastTransition | null = null;
  if (report) {
    const [t] = await db
      .select({ action: reportTransitions.action, reason: reportTransitions.reason, at: reportTransitions.at, byName: users.displayName })
      .from(reportTransitions)
      .leftJoin(users, eq(users.id, reportTransitions.actorId))
      .where(eq(reportTransitions.reportId, report.id))
      .orderBy(desc(reportTransitions.at), desc(reportTransitions.id))
      .limit(1);
    lastTransition = t ?? null;
  }
  const status = view.status;
  const editable =
    (status === "not_started" || status === "draft" || status === "returned" || status === "correcting") &&
    (y.status === "open" || status === "correcting");
  return {
    ...view,
    formatVersion: y.formatVersion,
    editable,
    yearOpen: y.status === "open",
    unitDeadline: y.unitDeadline,
    previous: await loadPreviousReport(db, view.unit, year),
    lastTransition,
  };
}
