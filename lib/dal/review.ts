// Everything the review page shows for one unit's report: the figures (now or at an earlier version), last year's,
// the checks, the clerk's explanations, what changed since the last return, comments and the timeline.
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { unitReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { validateReport, type Issue, type ReportData } from "@/lib/report-format";
import { listComments, type CommentDto } from "./comments";
import { diffReports, lastReturnVersion, loadTimeline, reportAtVersion, type Explanation, type TimelineEntry } from "./history";
import { findSignoff, listPublications, type PublicationDto } from "./publications";
import { loadPreviousReport, loadReportData, STATUS_LABELS, type ProgressStatus } from "./reports";
import { getFilerInScope, type UnitDto } from "./units";
import { getYear, type YearDto } from "./years";

export interface ReviewView {
  unit: UnitDto;
  year: YearDto;
  status: ProgressStatus;
  statusLabel: string;
  lockVersion: number;
  /** The version shown: the current one, or an earlier lock_version asked for. */
  shownVersion: number | null;
  report: ReportData;
  previous: ReportData | null;
  issues: Issue[];
  explanations: Explanation[];
  /** Cells and sections changed since the last return, when the report came back from one. */
  changedSinceReturn: { cells: string[]; sections: string[]; returnedAt: Date } | null;
  comments: CommentDto[];
  timeline: TimelineEntry[];
  publications: PublicationDto[];
  /** The sign-off recorded for the current content, when the year requires one. */
  signoff: { reviewerName: string; at: Date } | null;
}

export async function getReviewView(actor: Actor, yearNumber: number, unitCode: string, opts: { version?: number } = {}): Promise<ReviewView> {
  if (actor.role === "admin") throw new NotFoundError();
  const db = await getDb();
  const unit = await getFilerInScope(actor, unitCode, db);
  const year = await getYear(yearNumber);
  const [row] = await db.select().from(unitReports).where(and(eq(unitReports.year, yearNumber), eq(unitReports.unitId, unit.id)));
  const meta = { year: yearNumber, formatVersion: year.formatVersion, unit: { code: unit.code, name: unit.name } };
  const current = await loadReportData(db, row?.id ?? null, meta);
  const previous = await loadPreviousReport(db, unit, yearNumber);
  const status: ProgressStatus = row?.status ?? "not_started";
  if (!row) {
    return { unit, year, status, statusLabel: STATUS_LABELS[status], lockVersion: 0, shownVersion: null, report: current, previous, issues: [], explanations: [], changedSinceReturn: null, comments: [], timeline: [], publications: [], signoff: null };
  }
  const shownVersion = opts.version !== undefined && opts.version < row.lockVersion ? opts.version : null;
  const report = shownVersion !== null ? await reportAtVersion(db, row.id, current, shownVersion) : current;
  const timeline = await loadTimeline(db, row.id);
  const lastSubmit = timeline.find((t) => t.kind === "transition" && t.action === "submit");
  const ret = await lastReturnVersion(db, row.id);
  let changedSinceReturn: ReviewView["changedSinceReturn"] = null;
  if (ret && status !== "returned") {
    const atReturn = await reportAtVersion(db, row.id, current, ret.lockVersion);
    changedSinceReturn = { ...diffReports(atReturn, current), returnedAt: ret.at };
  }
  return {
    unit,
    year,
    status,
    statusLabel: STATUS_LABELS[status],
    lockVersion: row.lockVersion,
    shownVersion,
    report,
    previous,
    issues: validateReport(report, previous ? { previous } : {}),
    explanations: lastSubmit?.kind === "transition" ? (lastSubmit.explanations ?? []) : [],
    changedSinceReturn,
    comments: await listComments(db, row.id),
    timeline,
    publications: await listPublications(unit.id, yearNumber),
    signoff: await findSignoff(db, unit.id, yearNumber, row.lockVersion).then((s) => (s ? { reviewerName: s.reviewerName, at: s.recordedAt } : null)),
  };
}
