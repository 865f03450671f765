// Publishing the region (county) report: a final checklist, the year's sign-off when required, a frozen snapshot
// with the live figures printed as numbers, and corrections as vN+1 with a note. All in one transaction with its
// audit event; a repeated request for the same content returns the version already made.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { regionReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { getFormat, substituteCellRefs, allCellValues, type NarrativeId, type ReportData } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { findSignoff, insertSnapshot, latestVersion } from "./publications";
import { signoffs } from "@/db/schema";
import { getCountyView, type CountyView } from "./rollup";
import { findRegionReport, getRegionInScope, loadRegionNarratives, loadRegionValues } from "./rollup-store";
import { getYear } from "./years";

export interface ChecklistItem {
  ok: boolean;
  label: string;
  detail?: string;
}

/** What must hold before a region report is published, as the supervisor sees it. */
export function regionChecklist(view: CountyView, signoff: boolean): ChecklistItem[] {
  const included = view.contributors.filter((c) => c.state === "included");
  const missing = view.contributors.filter((c) => c.state === "missing");
  const excluded = view.contributors.filter((c) => c.state === "excluded");
  const errors = view.issues.filter((i) => i.severity === "error").length;
  const emptySections = (["s1", "s5", "s6"] as NarrativeId[]).filter((s) => !(view.narratives[s] ?? "").trim());
  const feeMissing = view.issues.some((i) => i.rule === "NARR-FEE");
  const items: ChecklistItem[] = [
    { ok: view.report !== null && view.stale === null, label: "已汇总，且汇总后各单位年报没有变化", detail: view.stale ? `${view.stale.units.length} 个单位的年报已变化，请先更新汇总` : undefined },
    { ok: included.length > 0, label: `纳入汇总的 ${included.length} 个单位年报均已审核通过或已发布` },
    { ok: errors === 0, label: "汇总结果通过全部检查规则", detail: errors ? `${errors} 个错误` : undefined },
    { ok: emptySections.length === 0, label: "一、五、六部分均已撰写", detail: emptySections.length ? `未填写：${emptySections.join("、")}` : undefined },
    { ok: !feeMissing, label: "“六、其他需要报告的事项”已报告信息处理费收取情况" },
    {
      ok: true,
      label: `未纳入的单位：${missing.length} 个尚未通过${excluded.length ? `，${excluded.length} 个已排除（均记录了原因）` : ""}`,
      detail: [...missing.map((m) => `${m.name}（${m.statusLabel}）`), ...excluded.map((e) => `${e.name}（排除原因：${e.exclusion?.reason}）`)].join("；") || undefined,
    },
  ];
  if (view.year.signoffRequired) items.push({ ok: signoff, label: "已完成保密审查" });
  return items;
}

const target = { year: z.number().int().min(2019).max(2100), regionCode: z.string().max(64).optional() };

export async function getRegionPublishState(actor: Actor, year: number, regionCode?: string) {
  const view = await getCountyView(actor, year, regionCode);
  const db = await getDb();
  const row = await findRegionReport(db, year, view.region.id);
  const signoff = row ? await findSignoff(db, view.region.id, year, row.lockVersion) : null;
  return { view, checklist: regionChecklist(view, signoff !== null), versions: await latestVersion(db, view.region.id, year), signoff };
}

export async function publishRegionReport(actor: Actor, raw: unknown): Promise<{ version: number; repeated: boolean }> {
  const parsed = z.object({ ...target, lockVersion: z.number().int().min(0), correctionNote: z.string().trim().max(2000).optional() }).safeParse(raw);
  if (!parsed.success) throw new ValidationError("发布请求无效。");
  const input = parsed.data;
  if (actor.role !== "supervisor") throw new NotFoundError();
  const { view, checklist } = await getRegionPublishState(actor, input.year, input.regionCode);
  const db = await getDb();
  const year = await getYear(input.year);
  return db.transaction(async (tx) => {
    const row = await findRegionReport(tx, input.year, view.region.id, { lock: true });
    if (!row?.rolledUpAt) throw new StateError("请先汇总。");
    if (row.status === "published" && row.lockVersion === input.lockVersion) return { version: await latestVersion(tx, view.region.id, input.year), repeated: true };
    if (row.status === "published") throw new StateError("汇总报告已发布；如需修改请先启动更正。");
    if (row.lockVersion !== input.lockVersion) throw new ConflictError("汇总报告在您查看之后又有变化，请刷新页面核对后再发布。");
    const failed = checklist.filter((c) => !c.ok);
    if (failed.length) throw new ValidationError(`发布前还有事项未完成：${failed.map((f) => f.label).join("；")}`);
    const format = getFormat(year.formatVersion);
    const values = await loadRegionValues(tx, year.formatVersion, row.id);
    const all = allCellValues(format, values);
    const written = await loadRegionNarratives(tx, row.id);
    const narratives = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, substituteCellRefs(format, v ?? "", all)]));
    const report: ReportData = { formatVersion: year.formatVersion, year: input.year, unit: { code: view.region.code, name: view.region.name }, narratives, values };
    const signoff = year.signoffRequired ? await findSignoff(tx, view.region.id, input.year, row.lockVersion) : null;
    const snapshot = await insertSnapshot(tx, {
      unitId: view.region.id,
      report,
      publisher: actor,
      correctionNote: input.correctionNote ?? null,
      signoff: signoff ? { reviewerName: signoff.reviewerName, note: signoff.note, at: signoff.recordedAt.toISOString() } : null,
      sourceLockVersion: row.lockVersion,
    });
    const changed = await tx.update(regionReports).set({ status: "published", updatedAt: new Date(), updatedBy: actor.id }).where(eq(regionReports.id, row.id)).returning({ id: regionReports.id });
    if (!changed.length) throw new ConflictError("汇总报告状态已被他人更改，请刷新页面后再试。");
    await recordAudit(tx, {
      actor,
      action: "region_report.publish",
      targetType: "region_report",
      targetId: row.id,
      unitId: view.region.id,
      summary: `发布 ${view.region.name} ${input.year} 年度汇总报告 v${snapshot.version}${input.correctionNote ? `，更正说明：${input.correctionNote}` : ""}`,
    });
    return { version: snapshot.version, repeated: false };
  });
}

export async function startRegionCorrection(actor: Actor, raw: unknown): Promise<void> {
  const parsed = z.object({ ...target, reason: z.string().trim().min(2, "请写明更正原因").max(2000) }).safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "请求无效。");
  if (actor.role !== "supervisor") throw new NotFoundError();
  const db = await getDb();
  const { region } = await getRegionInScope(actor, db, parsed.data.regionCode);
  await db.transaction(async (tx) => {
    const row = await findRegionReport(tx, parsed.data.year, region.id, { lock: true });
    if (row?.status !== "published") throw new StateError("只有已发布的汇总报告才能启动更正。");
    await tx.update(regionReports).set({ status: "correcting", updatedAt: new Date(), updatedBy: actor.id }).where(eq(regionReports.id, row.id));
    await recordAudit(tx, { actor, action: "region_report.start_correction", targetType: "region_report", targetId: row.id, unitId: region.id, summary: `启动 ${region.name} ${parsed.data.year} 年度汇总报告的更正：${parsed.data.reason}` });
  });
}

/** 保密审查 of the region report's current content by a named reviewer. */
export async function recordRegionSignoff(actor: Actor, raw: unknown): Promise<void> {
  const parsed = z.object({ ...target, lockVersion: z.number().int().min(0), reviewerName: z.string().trim().min(2, "请填写审查人姓名").max(50), note: z.string().trim().max(1000).optional() }).safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "请求无效。");
  if (actor.role !== "supervisor") throw new NotFoundError();
  const db = await getDb();
  const { region } = await getRegionInScope(actor, db, parsed.data.regionCode);
  await db.transaction(async (tx) => {
    await tx.insert(signoffs).values({ unitId: region.id, year: parsed.data.year, lockVersion: parsed.data.lockVersion, reviewerName: parsed.data.reviewerName, note: parsed.data.note ?? null, recordedBy: actor.id });
    await recordAudit(tx, { actor, action: "region_report.signoff", targetType: "unit", targetId: region.id, unitId: region.id, summary: `记录 ${region.name} ${parsed.data.year} 年度汇总报告的保密审查（审查人 ${parsed.data.reviewerName}）` });
  });
}
