// Paths of the public open data (API endpoints and every download), shared by the API answers and the public pages.
import { DOWNLOAD_FORMATS, type DownloadFormat } from "@/lib/export/download-formats";

export const API_BASE = "/api/public";
/** A published version by number, or whichever is the latest. */
export type VersionRef = number | "latest";
export const YEAR_FILE_FORMATS = ["csv", "json"] as const;
export type YearFileFormat = (typeof YEAR_FILE_FORMATS)[number];

export const apiYearPath = (year: number) => `${API_BASE}/years/${year}`;
export const apiReportPath = (year: number, unitCode: string) => `${API_BASE}/reports/${year}/${encodeURIComponent(unitCode)}`;

/** `/api/public/reports/2025/dept-education/v2.docx` (or `latest.docx`). */
export function publicFilePath(year: number, unitCode: string, version: VersionRef, format: DownloadFormat): string {
  return `${apiReportPath(year, unitCode)}/${version === "latest" ? "latest" : `v${version}`}.${format}`;
}

/** Every download of one version, by format. */
export function downloadsOf(year: number, unitCode: string, version: VersionRef): Record<DownloadFormat, string> {
  return Object.fromEntries(DOWNLOAD_FORMATS.map((f) => [f, publicFilePath(year, unitCode, version, f)])) as Record<DownloadFormat, string>;
}

/** `/api/public/years/2025/reports.csv`: all latest published reports of a year in one file. */
export const yearFilePath = (year: number, format: YearFileFormat) => `${apiYearPath(year)}/reports.${format}`;

export function yearDownloads(year: number): Record<YearFileFormat, string> {
  return { csv: yearFilePath(year, "csv"), json: yearFilePath(year, "json") };
}

/** The public page of a report: the latest version, or `/v{N}` for an earlier one. */
export function reportPagePath(year: number, unitCode: string, version?: number): string {
  return `/reports/${year}/${encodeURIComponent(unitCode)}${version ? `/v${version}` : ""}`;
}
