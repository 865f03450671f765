// The one module that changes a report's status: each transition checks role, scope and the current state
// (lib/lifecycle) on the row locked for the transaction, then writes the status with a conditional UPDATE, its
// transition record and exactly one audit event, all in one transaction (design.md "Lifecycle").
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { regionReports, reportTransitions, unitReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { ACTION_LABELS, checkTransition, type ReportAction } from "@/lib/lifecycle";
import { countBySeverity, validateReport, type Issue } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { findSignoff, insertSnapshot, latestVersion } from "./publications";
import { loadPreviousReport, loadReportData, type ReportStatus } from "./reports";
import { ancestorsFn, getFilerInScope, loadUnitTree, type UnitDto } from "./units";
import { getYear, type YearDto } from "./years";

const target = { unitCode: z.string().min(1).max(64), year: z.number().int().min(2019).max(2100) };
const reason = z.string().trim().min(2, "请写明原因（至少 2 个字）").max(2000, "原因不能超过 2000 字");

export const submitInputSchema = z.object({
  ...target,
  lockVersion: z.number().int().min(0),
  explanations: z
    .array(z.object({ rule: z.string().max(20), cell: z.string().max(120).optional(), text: z.string().max(2000) }))
    .max(500),
});
const withdrawSchema = z.object(target);
const returnSchema = z.object({ ...target, lockVersion: z.number().int().min(0), reason });
const approveSchema = z.object({ ...target, lockVersion: z.number().int().min(0) });
const reopenSchema = z.object({ ...target, reason });

/** The key a warning's explanation is filed under. */
export function warningKey(issue: Pick<Issue, "rule" | "cell">): string {
  return `${issue.rule}@${issue.cell ?? ""}`;
}

/** Warnings that need an explanation before submitting (blank cells are not explained: they must be filled). */
export function warningsToExplain(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? `${what}请求无效。`);
  return parsed.data;
}

type ReportRow = typeof unitReports.$inferSelect;
interface Locked {
  unit: UnitDto;
  year: YearDto;
  report: ReportRow;
  /** Published before: the report is in a correction cycle, which a closed year still allows. */
  published: number;
}

/** The report of a unit in the actor's scope (a clerk: their own unit), locked for this transaction. */
async function lockReport(tx: Tx, actor: Actor, unitCode: string, yearNumber: number): Promise<Locked> {
  if (actor.role === "admin") throw new NotFoundError();
  const unit = await getFilerInScope(actor, unitCode, tx);
  if (actor.role === "clerk" && unit.id !== actor.unitId) throw new NotFoundError();
  const year = await getYear(yearNumber, tx);
  const [report] = await tx
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.year, yearNumber), eq(unitReports.unitId, unit.id)))
    .for("update");
  if (!report) throw new StateError(`${unit.name}还没有填写 ${yearNumber} 年度的年报。`);
  return { unit, year, report, published: await latestVersion(tx, unit.id, yearNumber) };
}

async function validateLocked(tx: Tx, { unit, year, report }: Locked): Promise<Issue[]> {
  const data = await loadReportData(tx, report.id, { year: year.year, formatVersion: year.formatVersion, unit: { code: unit.code, name: unit.name } });
  const previous = await loadPreviousReport(tx, unit, year.year);
  return validateReport(data, previous ? { previous } : {});
}

/** Applies one lifecycle action to a locked report: state check, conditional UPDATE, record, audit. */
async function apply(
  tx: Tx,
  actor: Actor,
  locked: Locked,
  action: ReportAction,
  opts: { to?: ReportStatus; reason?: string; explanations?: unknown; expectLockVersion?: number } = {},
): Promise<ReportStatus> {
  const { unit, year, report } = locked;
  const check = checkTransition(actor.role, report.status, action);
  if (!check.ok) throw new StateError(check.reason);
  if (year.status === "closed" && !locked.published && !["publish", "start_correction"].includes(action)) {
    throw new StateError(`${year.year} 年度已关闭，只能更正已发布的年报。`);
  }
  if (opts.expectLockVersion !== undefined && opts.expectLockVersion !== report.lockVersion) {
    throw new ConflictError("报表内容在您查看之后又有变化，请刷新页面核对后再操作。");
  }
  const to: ReportStatus = check.to === "previous" ? (opts.to ?? "draft") : check.to;
  const now = new Date();
  const changed = await tx
    .update(unitReports)
    .set({ status: to, statusChangedAt: now, statusChangedBy: actor.id })
    .where(and(eq(unitReports.id, report.id), eq(unitReports.status, report.status), eq(unitReports.lockVersion, report.lockVersion)))
    .returning({ id: unitReports.id });
  if (!changed.length) throw new ConflictError("报表状态已被他人更改，请刷新页面后再试。");
  await tx.insert(reportTransitions).values({
    reportId: report.id,
    action,
    fromStatus: report.status,
    toStatus: to,
    actorId: actor.id,
    at: now,
    reason: opts.reason ?? null,
    explanations: opts.explanations ?? null,
    lockVersion: report.lockVersion,
  });
  await recordAudit(tx, {
    actor,
    action: `report.${action}`,
    targetType: "unit_report",
    targetId: report.id,
    unitId: unit.id,
    summary: `${ACTION_LABELS[action]} ${unit.name} ${year.year} 年度年报${opts.reason ? `：${opts.reason}` : ""}`,
  });
  return to;
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}

/**
 * Submits the clerk's report: refused while there is an error or a blank input cell, or a warning without an
 * explanation, or when the report changed since the clerk last saw it (lockVersion).
 */
export async function submitReport(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(submitInputSchema, raw, "提交");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    const check = checkTransition(actor.role, locked.report.status, "submit");
    if (!check.ok) throw new StateError(check.reason);
    if (locked.report.lockVersion !== input.lockVersion) throw new ConflictError("报表在您核对之后又有修改，请核对最新内容后再提交。");
    const issues = await validateLocked(tx, locked);
    const { errors } = countBySeverity(issues);
    if (errors) throw new ValidationError(`还有 ${errors} 个错误，请修正后再提交。`);
    const blanks = issues.filter((i) => i.rule === "GEN-FILLED").length;
    if (blanks) throw new ValidationError(`还有 ${blanks} 个单元格未填写。确实没有的数据请填 0（可使用“将空白单元格填为 0”）。`);
    const given = new Map(input.explanations.map((e) => [warningKey(e), e.text.trim()]));
    const warnings = warningsToExplain(issues);
    const missing = warnings.filter((w) => !given.get(warningKey(w)));
    if (missing.length) throw new ValidationError(`还有 ${missing.length} 条提示未填写说明，请逐条说明后再提交。`);
    await apply(tx, actor, locked, "submit", {
      explanations: warnings.map((w) => ({ rule: w.rule, cell: w.cell ?? null, message: w.message, explanation: given.get(warningKey(w)) })),
    });
  });
}

/** Takes a submitted report back (撤回) while the supervisor has not acted on it yet. */
export async function withdrawReport(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(withdrawSchema, raw, "撤回");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    const [lastSubmit] = await tx
      .select({ fromStatus: reportTransitions.fromStatus })
      .from(reportTransitions)
      .where(and(eq(reportTransitions.reportId, locked.report.id), eq(reportTransitions.action, "submit")))
      .orderBy(desc(reportTransitions.at), desc(reportTransitions.id))
      .limit(1);
    await apply(tx, actor, locked, "withdraw", { to: lastSubmit?.fromStatus === "correcting" ? "correcting" : "draft" });
  });
}

/** Returns a submission to the clerk with a reason, shown at the top of their form. */
export async function returnReport(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(returnSchema, raw, "退回");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    await apply(tx, actor, locked, "return", { reason: input.reason, expectLockVersion: input.lockVersion });
  });
}

/** Approves a submission; refused while the report has an error (re-validated here, whatever the page showed). */
export async function approveReport(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(approveSchema, raw, "审核");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    const check = checkTransition(actor.role, locked.report.status, "approve");
    if (!check.ok) throw new StateError(check.reason);
    const { errors } = countBySeverity(await validateLocked(tx, locked));
    if (errors) throw new ValidationError(`报表还有 ${errors} 个错误，不能审核通过，请退回修改。`);
    await apply(tx, actor, locked, "approve", { expectLockVersion: input.lockVersion });
  });
}

/**
 * Reopens an approved report (back to the clerk as returned) with a reason; refused once a region report of the year
 * above the unit is published (lib/dal/region-publish; the region_reports status is checked here).
 */
export async function reopenReport(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(reopenSchema, raw, "重新打开");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    const ancestors = ancestorsFn(await loadUnitTree(tx))(locked.unit.id);
    const [published] = ancestors.length
      ? await tx
          .select({ id: regionReports.id })
          .from(regionReports)
          .where(and(eq(regionReports.year, input.year), inArray(regionReports.unitId, ancestors), eq(regionReports.status, "published")))
      : [];
    if (published) throw new StateError(`${input.year} 年度的汇总报告已发布，不能再重新打开单位年报；如需修改请先启动汇总报告的更正。`);
    await apply(tx, actor, locked, "reopen", { reason: input.reason });
  });
}

export interface BulkResult {
  unitCode: string;
  ok: boolean;
  message?: string;
}

/** Approves several submissions at once; each in its own transaction, each refused on its own if not clean. */
export async function approveMany(actor: Actor, raw: unknown): Promise<BulkResult[]> {
  const input = parse(z.object({ year: target.year, items: z.array(z.object({ unitCode: target.unitCode, lockVersion: z.number().int().min(0) })).min(1).max(500) }), raw, "批量审核");
  const results: BulkResult[] = [];
  for (const item of input.items) {
    try {
      await approveReport(actor, { ...item, year: input.year });
      results.push({ unitCode: item.unitCode, ok: true });
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof StateError || err instanceof ConflictError || err instanceof ValidationError) {
        results.push({ unitCode: item.unitCode, ok: false, message: err.message });
      } else throw err;
    }
  }
  return results;
}

const publishSchema = z.object({ ...target, lockVersion: z.number().int().min(0), correctionNote: z.string().trim().max(2000).optional() });

/**
 * Publishes an approved report: a frozen snapshot v1 (or vN+1 with its 更正说明) and the status published, in one
 * transaction with its audit event. A repeated request for the same content returns the version already made.
 */
export async function publishReport(actor: Actor, raw: unknown): Promise<{ version: number; repeated: boolean }> {
  const input = parse(publishSchema, raw, "发布");
  return inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    const { unit, year, report } = locked;
    if (report.status === "published" && report.lockVersion === input.lockVersion && actor.role === "supervisor") {
      return { version: locked.published, repeated: true };
    }
    const check = checkTransition(actor.role, report.status, "publish");
    if (!check.ok) throw new StateError(check.reason);
    if (report.lockVersion !== input.lockVersion) throw new ConflictError("报表内容在您查看之后又有变化，请刷新页面核对后再发布。");
    const { errors } = countBySeverity(await validateLocked(tx, locked));
    if (errors) throw new ValidationError(`报表还有 ${errors} 个错误，不能发布。`);
    const signoff = year.signoffRequired ? await findSignoff(tx, unit.id, year.year, report.lockVersion) : null;
    if (year.signoffRequired && !signoff) throw new StateError("本年度发布前须完成保密审查，请先记录审查人和审查意见。");
    const data = await loadReportData(tx, report.id, { year: year.year, formatVersion: year.formatVersion, unit: { code: unit.code, name: unit.name } });
    const snapshot = await insertSnapshot(tx, {
      unitId: unit.id,
      report: data,
      publisher: actor,
      correctionNote: input.correctionNote ?? null,
      signoff: signoff ? { reviewerName: signoff.reviewerName, note: signoff.note, at: signoff.recordedAt.toISOString() } : null,
      sourceLockVersion: report.lockVersion,
    });
    await apply(tx, actor, locked, "publish", { reason: snapshot.version > 1 ? `v${snapshot.version} 更正说明：${input.correctionNote}` : `v1，内容哈希 ${snapshot.contentHash.slice(0, 12)}` });
    return { version: snapshot.version, repeated: false };
  });
}

/** Starts a correction of a published report (reason required); the public keeps seeing the last snapshot. */
export async function startCorrection(actor: Actor, raw: unknown): Promise<void> {
  const input = parse(reopenSchema, raw, "更正");
  await inTransaction(async (tx) => {
    const locked = await lockReport(tx, actor, input.unitCode, input.year);
    await apply(tx, actor, locked, "start_correction", { reason: input.reason });
  });
}
