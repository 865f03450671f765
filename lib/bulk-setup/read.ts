// Reads an uploaded set-up file (CSV of one table, or the .xlsx template with both) into rows of text by column key,
// with the spreadsheet row numbers people see, refusing files that are not the template with a message saying why.
import ExcelJS from "exceljs";
import { checkZip } from "@/lib/export/zip-check";
import { columnsOf, SHEET_NAMES, type SheetKind } from "./columns";

/** Set-up files are lists of a few hundred rows; anything larger is not the template. */
export const MAX_SETUP_BYTES = 1024 * 1024;

export interface SheetRow {
  /** The row number in the file (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}

export interface SetupTables {
  units: SheetRow[];
  users: SheetRow[];
}

export class SetupFileError extends Error {}

const TEMPLATE_HINT = "请在“批量导入”页面下载模板，按模板填写后上传。";

/** RFC 4180 (quoted fields, doubled quotes, CRLF or LF), with or without a BOM. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new SetupFileError(`CSV 文件中有未闭合的引号，无法读取。${TEMPLATE_HINT}`);
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Which table a header row belongs to, and where each column is; null when it is neither template's header. */
function mapHeader(header: string[]): { kind: SheetKind; index: Map<string, number> } | null {
  const cleaned = header.map((h) => h.trim());
  for (const kind of ["units", "users"] as const) {
    const columns = columnsOf(kind);
    if (cleaned[0] !== columns[0]!.header) continue;
    const index = new Map<string, number>();
    for (const c of columns) {
      const at = cleaned.indexOf(c.header);
      if (at < 0 && c.required) throw new SetupFileError(`表头缺少“${c.header}”列。${TEMPLATE_HINT}`);
      if (at >= 0) index.set(c.key, at);
    }
    return { kind, index };
  }
  return null;
}

function toRows(records: string[][], index: Map<string, number>): SheetRow[] {
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    if (i === 0 || record.every((v) => v.trim() === "")) return;
    const cells: Record<string, string> = {};
    for (const [key, at] of index) cells[key] = (record[at] ?? "").trim();
    rows.push({ row: i + 1, cells });
  });
  return rows;
}

export function readSetupCsv(text: string): SetupTables {
  const records = parseCsv(text);
  const mapped = records[0] ? mapHeader(records[0]) : null;
  if (!mapped) throw new SetupFileError(`无法识别的 CSV：第 1 行应为模板的表头（以“单位代码”或“用户名”开头）。${TEMPLATE_HINT}`);
  const rows = toRows(records, mapped.index);
  return mapped.kind === "units" ? { units: rows, users: [] } : { units: [], users: rows };
}

function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((p) => p.text).join("");
  if ("formula" in value || "sharedFormula" in value) return value.result === undefined || value.result === null ? "" : cellString(value.result as ExcelJS.CellValue);
  if ("text" in value) return value.text;
  return "";
}

export async function readSetupXlsx(bytes: Uint8Array): Promise<SetupTables> {
  const zip = checkZip(bytes);
  if (!zip.ok) {
    throw new SetupFileError(
      zip.reason === "ole"
        ? `这是旧版 .xls 文件或加密的工作簿：请另存为 .xlsx（不设密码）后上传。`
        : zip.reason === "too_big"
          ? `工作簿解压后过大，不是导入模板。${TEMPLATE_HINT}`
          : `文件已损坏或不是 Excel 工作簿（.xlsx）。${TEMPLATE_HINT}`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new SetupFileError(`文件已损坏或不是 Excel 工作簿（.xlsx）。${TEMPLATE_HINT}`);
  }
  const tables: SetupTables = { units: [], users: [] };
  let found = 0;
  for (const kind of ["units", "users"] as const) {
    const sheet = wb.getWorksheet(SHEET_NAMES[kind]);
    if (!sheet) continue;
    found++;
    const records: string[][] = [];
    const last = Math.min(sheet.rowCount, 5001);
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      const values: string[] = [];
      for (let c = 1; c <= columnsOf(kind).length + 5; c++) values.push(cellString(row.getCell(c).value));
      records.push(values);
    }
    const mapped = records[0] ? mapHeader(records[0]) : null;
    if (!mapped || mapped.kind !== kind) throw new SetupFileError(`工作表“${SHEET_NAMES[kind]}”的第 1 行不是模板的表头。${TEMPLATE_HINT}`);
    tables[kind] = toRows(records, mapped.index);
  }
  if (!found) throw new SetupFileError(`工作簿中没有名为“单位”或“用户”的工作表。${TEMPLATE_HINT}`);
  return tables;
}
