// What the writer and the reader of the report workbook agree on: sheet names, the schema marker, the size limit.
export const XLSX_SCHEMA = "nianbao-xlsx/v1";
/** The visible sheet in the official layout. */
export const REPORT_SHEET = "年度报告";
/** The very hidden sheet with the meta and the address → cell mapping that lets an upload be mapped back. */
export const META_SHEET = "_nianbao";
/** Uploads above this are refused before parsing; a filled workbook is about 20 KB. */
export const MAX_XLSX_BYTES = 2 * 1024 * 1024;
/** Row of the mapping's header ("address", "ref", "kind") on the meta sheet; meta key/value rows are above it. */
export const MAPPING_HEADER_ROW = 10;

export interface WorkbookMeta {
  schema: string;
  unitCode: string;
  unitName: string;
  year: number;
  formatVersion: string;
  exportedAt: string;
  sheet: string;
}

export const META_KEYS = {
  schema: "schema",
  unitCode: "unit_code",
  unitName: "unit_name",
  year: "year",
  formatVersion: "format_version",
  exportedAt: "exported_at",
  sheet: "sheet",
} as const satisfies Record<keyof WorkbookMeta, string>;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "同心县豫海镇人民政府2026年政府信息公开工作年度报告.xlsx": the name a clerk recognises in their downloads. */
export function workbookFileName(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告.xlsx`.replace(/[\\/:*?"<>|\r\n]/g, "_");
}
