// Every download of a finished report in one place: Word, Excel, JSON (interchange) and CSV (open data) bytes, with
// their content types and file names. Signed-in downloads and the public pages both go through buildReportFile.
import { serializeInterchange, toCsv, type ReportData } from "@/lib/report-format";
import { reportToDocx } from "./docx-report";
import type { DownloadFormat } from "./download-formats";
import type { PublicationMeta } from "./publication";
import { buildOfficialWorkbook } from "./xlsx-official";
import { XLSX_CONTENT_TYPE } from "./xlsx-meta";

export { DOWNLOAD_FORMATS, downloadFormatSchema, type DownloadFormat } from "./download-formats";

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: XLSX_CONTENT_TYPE,
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export interface ReportFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** "同心县豫海镇人民政府2025年政府信息公开工作年度报告-v2.docx" */
  fileName: string;
  /** "nianbao-yuhai-town-2025-v2.docx", for clients that cannot read filename*. */
  asciiFileName: string;
}

const versionSuffix = (version: number | undefined) => (version ? `-v${version}` : "");

/** The Chinese file name: unit, year and (for a publication) version; characters file systems refuse become "_". */
export function reportFileName(unitName: string, year: number, format: DownloadFormat, version?: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告${versionSuffix(version)}.${format}`.replace(/[\\/:*?"<>|\r\n]/g, "_");
}

export function asciiFileName(unitCode: string, year: number, format: DownloadFormat, version?: number): string {
  return `nianbao-${unitCode}-${year}${versionSuffix(version)}.${format}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** RFC 5987 value for filename*: percent-encoded UTF-8, with the characters it reserves encoded too. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An attachment with an ASCII fallback for old clients and the Chinese name (RFC 5987) for everyone else. */
export function contentDisposition(file: Pick<ReportFile, "fileName" | "asciiFileName">): string {
  return `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${rfc5987(file.fileName)}`;
}

async function bytesOf(format: DownloadFormat, report: ReportData, meta: PublicationMeta): Promise<Uint8Array<ArrayBuffer>> {
  switch (format) {
    case "docx":
      return new Uint8Array(await reportToDocx(report, meta));
    case "xlsx":
      return new Uint8Array(await buildOfficialWorkbook(report, meta));
    case "json":
      return new TextEncoder().encode(`${JSON.stringify(serializeInterchange(report), null, 2)}\n`);
    case "csv":
      return new TextEncoder().encode(toCsv([report]));
  }
}

/** One download of a report; every figure and label in it comes from the report and its format definition. */
export async function buildReportFile(format: DownloadFormat, report: ReportData, meta: PublicationMeta = {}): Promise<ReportFile> {
  return {
    bytes: await bytesOf(format, report, meta),
    contentType: CONTENT_TYPES[format],
    fileName: reportFileName(report.unit.name, report.year, format, meta.version),
    asciiFileName: asciiFileName(report.unit.code, report.year, format, meta.version),
  };
}

/** The HTTP response for a file; cacheControl differs between signed-in ("private, no-store") and public files. */
export function fileResponse(file: ReportFile, cacheControl: string): Response {
  return new Response(file.bytes, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file),
      "Cache-Control": cacheControl,
    },
  });
}
