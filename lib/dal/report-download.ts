// Who may download a finished report and what goes into the file: the unit's own clerk once the report is approved
// or published (units publish it on their own websites too); a supervisor in scope any report that exists. Anyone
// else gets "not found", as everywhere in the DAL.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { publications } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import type { PublicationMeta } from "@/lib/export/publication";
import type { ReportData } from "@/lib/report-format";
import { getReportView, type ProgressStatus } from "./reports";
import type { UnitDto } from "./units";

const OUT_OF_SCOPE = "未找到该单位，或该单位不在您的管理范围内。";

/** The states in which the unit's own clerk may take the report away as a file. */
export const CLERK_DOWNLOADABLE: readonly ProgressStatus[] = ["approved", "published"];

export interface DownloadableReport {
  unit: UnitDto;
  status: ProgressStatus;
  report: ReportData;
  /** Version, date and correction note of the publication; empty while the report is not published. */
  meta: PublicationMeta;
}

/** Why the clerk's own report cannot be downloaded yet, saying when it can. */
function notYet(status: ProgressStatus): string {
  if (status === "correcting") return "本单位该年度年报正在更正，更正后的年报发布后才能下载；已发布的版本可在公开页面下载。";
  return "本单位该年度年报审核通过后才能下载 Word、Excel、CSV 和 JSON 文件。";
}

/** The latest published version of a report: its number, date and (from v2 on) its correction note. */
async function publicationMeta(year: number, unitId: number): Promise<PublicationMeta> {
  const db = await getDb();
  const [last] = await db
    .select({ version: publications.version, publishedAt: publications.publishedAt, note: publications.correctionNote })
    .from(publications)
    .where(and(eq(publications.year, year), eq(publications.unitId, unitId)))
    .orderBy(desc(publications.version))
    .limit(1);
  if (!last) return {};
  const meta: PublicationMeta = { version: last.version, publishedAt: last.publishedAt };
  if (last.note) meta.correctionNote = last.note;
  return meta;
}

/** The report to put into a download, or "not found" (with a message saying when, for the clerk's own report). */
export async function getReportForDownload(actor: Actor, year: number, unitCode: string): Promise<DownloadableReport> {
  if (actor.role === "admin") throw new NotFoundError(OUT_OF_SCOPE);
  if (actor.role === "clerk" && actor.unitCode !== unitCode) throw new NotFoundError(OUT_OF_SCOPE);
  const view = await getReportView(actor, year, unitCode);
  if (view.status === "not_started") throw new NotFoundError("该单位本年度尚未开始填报，没有可下载的年报。");
  if (actor.role === "clerk" && !CLERK_DOWNLOADABLE.includes(view.status)) throw new NotFoundError(notYet(view.status));
  return {
    unit: view.unit,
    status: view.status,
    report: view.report,
    meta: view.status === "published" ? await publicationMeta(year, view.unit.id) : {},
  };
}
