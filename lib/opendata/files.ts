// The public downloads: each published version as Word, Excel, CSV and JSON (the stored text, byte for byte), and
// per year all latest published reports as one CSV and one JSON list. Generated from the snapshot only.
import "server-only";
import { getPublicReport, latestSnapshotsOfYear } from "@/lib/dal/public";
import { asciiFileName, buildReportFile, CONTENT_TYPES, contentDisposition, reportFileName, type ReportFile } from "@/lib/export/report-files";
import type { DownloadFormat } from "@/lib/export/download-formats";
import { toCsv } from "@/lib/report-format";
import { answer, CACHE_IMMUTABLE, CACHE_SHORT, errorJson, sha256 } from "./http";
import type { YearFileFormat } from "./links";
import { fileParam, unitParam, yearParam } from "./params";

// Word and Excel files of a snapshot are kept once made (snapshots never change); a few dozen at most.
const made = new Map<string, ReportFile>();
const MAX_KEPT = 48;

/** Word and Excel carry the time they were written, so two builds differ in bytes: their ETag is weak. */
const etagOf = (hash: string, format: DownloadFormat) => (format === "docx" || format === "xlsx" ? `W/"${hash}-${format}"` : `"${hash}-${format}"`);

/** GET /api/public/reports/[year]/[unit]/[file]: `v{N}.{ext}` or `latest.{ext}` of a published report. */
export async function reportFile(request: Request, params: { year: string; unit: string; file: string }): Promise<Response> {
  const year = yearParam(params.year);
  if (year instanceof Response) return year;
  const unitCode = unitParam(params.unit);
  if (unitCode instanceof Response) return unitCode;
  const file = fileParam(params.file);
  if (file instanceof Response) return file;
  const data = await getPublicReport(unitCode, year, file.version === "latest" ? undefined : file.version);
  if (!data) {
    const any = file.version === "latest" ? null : await getPublicReport(unitCode, year);
    return errorJson(404, any ? `${any.unit.name} ${year} 年度年报没有第 ${file.version} 版。` : `未找到单位“${unitCode}”${year} 年度已发布的年度报告。`);
  }
  const v = data.versions.find((x) => x.version === data.version)!;
  const meta = { version: data.version, publishedAt: v.publishedAt, correctionNote: v.correctionNote ?? undefined };
  const key = `${v.contentHash}:${data.version}:${file.format}`;
  let built = made.get(key);
  if (!built && file.format === "json") {
    built = {
      bytes: new TextEncoder().encode(data.documentText),
      contentType: CONTENT_TYPES.json,
      fileName: reportFileName(data.unit.name, year, "json", data.version),
      asciiFileName: asciiFileName(unitCode, year, "json", data.version),
    };
  }
  if (!built) {
    built = await buildReportFile(file.format, data.report, meta);
    if (file.format !== "csv") {
      if (made.size >= MAX_KEPT) made.delete(made.keys().next().value!);
      made.set(key, built);
    }
  }
  return answer(request, {
    body: built.bytes,
    contentType: built.contentType,
    etag: etagOf(v.contentHash, file.format),
    cacheControl: file.version === "latest" ? CACHE_SHORT : CACHE_IMMUTABLE,
    contentDisposition: contentDisposition(built),
  });
}

/** GET /api/public/years/[year]/reports.{csv,json}: the latest published version of every report of the year. */
export async function yearFile(request: Request, params: { year: string }, format: YearFileFormat): Promise<Response> {
  const year = yearParam(params.year);
  if (year instanceof Response) return year;
  const snapshots = await latestSnapshotsOfYear(year);
  if (!snapshots.length) return errorJson(404, `${year} 年度没有已发布的年度报告。`);
  // A JSON array whose elements are the published documents exactly as stored.
  const body = format === "json" ? `[\n${snapshots.map((s) => s.documentText).join(",\n")}\n]\n` : toCsv(snapshots.map((s) => s.report));
  const names = { fileName: `${year}年度政府信息公开工作年度报告（全部已发布）.${format}`, asciiFileName: `nianbao-${year}-reports.${format}` };
  return answer(request, {
    body,
    contentType: CONTENT_TYPES[format],
    etag: `"${sha256(snapshots.map((s) => `${s.unitCode}:${s.contentHash}`).join(","))}-${format}"`,
    cacheControl: CACHE_SHORT,
    contentDisposition: contentDisposition(names),
  });
}
