// The one module that changes a report's status: each transition is a conditional UPDATE on the expected state,
// in one transaction with its transition record and audit event (design.md "Lifecycle").
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { reportTransitions, unitReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { countBySeverity, validateReport, type Issue } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { EDITABLE_STATUSES } from "./report-edit";
import { loadPreviousReport, loadReportData, STATUS_LABELS, type ReportStatus } from "./reports";
import { getFilerInScope } from "./units";
import { getYear } from "./years";

export const submitInputSchema = z.object({
  unitCode: z.string().min(1).max(64),
  year: z.number().int().min(2019).max(2100),
  lockVersion: z.number().int().min(0),
  explanations: z
    .array(z.object({ rule: z.string().max(20), cell: z.string().max(120).optional(), text: z.string().max(2000) }))
    .max(500),
});

/** The key a warning's explanation is filed under. */
export function warningKey(issue: Pick<Issue, "rule" | "cell">): string {
  return `${issue.rule}@${issue.cell ?? ""}`;
}

/** Warnings that need an explanation before submitting (blank cells are not explained: they must be filled). */
export function warningsToExplain(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
}

async function ownReport(tx: Tx, actor: Actor, unitCode: string, year: number) {
  if (actor.role !== "clerk" || actor.unitId === null) throw new NotFoundError();
  const unit = await getFilerInScope(actor, unitCode, tx);
  if (unit.id !== actor.unitId) throw new NotFoundError();
  const [report] = await tx
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.year, year), eq(unitReports.unitId, unit.id)))
    .for("update");
  if (!report) throw new StateError("本单位还没有填写这一年度的年报。");
  return { unit, report };
}

async function transition(
  tx: Tx,
  actor: Actor,
  report: { id: number; unitId: number; lockVersion: number; status: ReportStatus },
  to: ReportStatus,
  record: { action: string; reason?: string; explanations?: unknown; summary: string },
): Promise<void> {
  const now = new Date();
  const changed = await tx
    .update(unitReports)
    .set({ status: to, statusChangedAt: now, statusChangedBy: actor.id })
    .where(and(eq(unitReports.id, report.id), eq(unitReports.status, report.status), eq(unitReports.lockVersion, report.lockVersion)))
    .returning({ id: unitReports.id });
  if (!changed.length) throw new ConflictError("报表状态或内容已被他人更改，请刷新页面后再试。");
  await tx.insert(reportTransitions).values({
    reportId: report.id,
    action: record.action,
    fromStatus: report.status,
    toStatus: to,
    actorId: actor.id,
    at: now,
    reason: record.reason ?? null,
    explanations: record.explanations ?? null,
    lockVersion: report.lockVersion,
  });
  await recordAudit(tx, { actor, action: `report.${record.action}`, targetType: "unit_report", targetId: report.id, unitId: report.unitId, summary: record.summary });
}

/**
 * Submits the clerk's report: refused while there is an error or a blank input cell, or a warning without an
 * explanation, or when the report changed since the clerk last saw it (lockVersion).
 */
export async function submitReport(actor: Actor, raw: unknown): Promise<void> {
  const parsed = submitInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError("提交请求无效。");
  const input = parsed.data;
  const year = await getYear(input.year);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { unit, report } = await ownReport(tx, actor, input.unitCode, input.year);
    if (!EDITABLE_STATUSES.includes(report.status)) throw new StateError(`本报表当前状态为“${STATUS_LABELS[report.status]}”，不能提交。`);
    if (year.status === "closed" && report.status !== "correcting") throw new StateError(`${input.year} 年度已关闭。`);
    if (report.lockVersion !== input.lockVersion) {
      throw new ConflictError("报表在您核对之后又有修改，请核对最新内容后再提交。");
    }
    const data = await loadReportData(tx, report.id, { year: input.year, formatVersion: year.formatVersion, unit: { code: unit.code, name: unit.name } });
    const previous = await loadPreviousReport(tx, unit, input.year);
    const issues = validateReport(data, previous ? { previous } : {});
    const { errors } = countBySeverity(issues);
    if (errors) throw new ValidationError(`还有 ${errors} 个错误，请修正后再提交。`);
    const blanks = Object.values(data.values).filter((v) => v === null).length;
    if (blanks) throw new ValidationError(`还有 ${blanks} 个单元格未填写。确实没有的数据请填 0（可使用“将空白单元格填为 0”）。`);
    const given = new Map(input.explanations.map((e) => [warningKey(e), e.text.trim()]));
    const warnings = warningsToExplain(issues);
    const missing = warnings.filter((w) => !given.get(warningKey(w)));
    if (missing.length) throw new ValidationError(`还有 ${missing.length} 条提示未填写说明，请逐条说明后再提交。`);
    await transition(tx, actor, report, "submitted", {
      action: "submit",
      explanations: warnings.map((w) => ({ rule: w.rule, cell: w.cell ?? null, message: w.message, explanation: given.get(warningKey(w)) })),
      summary: `提交 ${unit.name} ${input.year} 年度年报${warnings.length ? `（说明了 ${warnings.length} 条提示）` : ""}`,
    });
  });
}

/** Takes a submitted report back (撤回) while the supervisor has not acted on it yet. */
export async function withdrawReport(actor: Actor, raw: unknown): Promise<void> {
  const parsed = z.object({ unitCode: z.string().min(1).max(64), year: z.number().int().min(2019).max(2100) }).safeParse(raw);
  if (!parsed.success) throw new ValidationError("撤回请求无效。");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { unit, report } = await ownReport(tx, actor, parsed.data.unitCode, parsed.data.year);
    if (report.status !== "submitted") throw new StateError(`本报表当前状态为“${STATUS_LABELS[report.status]}”，不能撤回。`);
    const [lastSubmit] = await tx
      .select({ fromStatus: reportTransitions.fromStatus })
      .from(reportTransitions)
      .where(and(eq(reportTransitions.reportId, report.id), eq(reportTransitions.action, "submit")))
      .orderBy(desc(reportTransitions.at), desc(reportTransitions.id))
      .limit(1);
    const back: ReportStatus = lastSubmit?.fromStatus === "correcting" ? "correcting" : "draft";
    await transition(tx, actor, report, back, { action: "withdraw", summary: `撤回 ${unit.name} ${parsed.data.year} 年度年报` });
  });
}
