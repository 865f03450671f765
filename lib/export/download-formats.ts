// The download formats of a finished report and how they are named to users; no writer code, so pages can import it.
import { z } from "zod";

export const DOWNLOAD_FORMATS = ["docx", "xlsx", "csv", "json"] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
export const downloadFormatSchema = z.enum(DOWNLOAD_FORMATS);

/** How the formats are named to users, in the order they are offered. */
export const DOWNLOAD_LABELS: Record<DownloadFormat, string> = { docx: "Word", xlsx: "Excel", csv: "CSV", json: "JSON" };

/** What each file is, for the link's title. */
export const DOWNLOAD_HINTS: Record<DownloadFormat, string> = {
  docx: "Word 文档，正式版式",
  xlsx: "Excel 工作簿，正式版式",
  csv: "CSV 开放数据，每个单元格一行",
  json: "JSON 交换格式",
};

/** The signed-in download URL of a unit's report in one format. */
export function reportDownloadPath(year: number, unitCode: string, format: DownloadFormat): string {
  return `/api/reports/${year}/${encodeURIComponent(unitCode)}/download/${format}`;
}
