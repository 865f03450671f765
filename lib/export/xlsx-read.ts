// Reads a report workbook that was downloaded from this system and filled in Excel/WPS: refuses anything damaged,
// oversized, foreign or meant for another unit, year or format (with a Chinese message saying what to do), and
// returns each input cell's text and parsed value by cell address.
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { getFormat, parseCellInput, type CellAddress, type CellValues, type FormatVersion } from "@/lib/report-format";
import { MAPPING_HEADER_ROW, MAX_XLSX_BYTES, META_KEYS, META_SHEET, XLSX_SCHEMA, type WorkbookMeta } from "./xlsx-meta";
import { checkZip } from "./zip-check";

export type XlsxRefusal = "too_large" | "damaged" | "foreign" | "other_unit" | "other_year" | "other_format";

export class XlsxImportError extends AppError {
  constructor(
    readonly reason: XlsxRefusal,
    message: string,
  ) {
    super(message, "invalid");
  }
}

export interface ExpectedWorkbook {
  unitCode: string;
  unitName: string;
  year: number;
  formatVersion: FormatVersion;
}

export interface RefusedCell {
  cell: CellAddress;
  text: string;
  message: string;
}

export interface ReadWorkbook {
  meta: WorkbookMeta;
  /** The text of every input cell as read ("" = blank). */
  texts: Record<CellAddress, string>;
  /** Canonical values of the cells that parsed (null = blank); refused cells are absent. */
  values: CellValues;
  refused: RefusedCell[];
}

const DOWNLOAD_HINT = "请在年报页面点击“下载 Excel”，在下载的工作簿中填写并保存为 .xlsx 后再上传。";
const DAMAGED = `文件已损坏或不是 Excel 工作簿（.xlsx），无法读取。${DOWNLOAD_HINT}`;

/**
 * The decimal a spreadsheet number stands for. A person types a decimal; Excel/WPS keep the nearest double (15
 * significant digits at most); String(n) gives the shortest decimal that reads back as that double, which is
 * exactly what was typed. Exponent forms (1e-7, 1e+21) are written out so the refusal names the real number.
 */
export function numberText(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, head, tail = "", exp] = m;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, "0")}`;
}

/** A cell's content as text, or a refusal for content that cannot be a figure. */
function cellText(value: ExcelJS.CellValue): { text: string } | { refuse: string; shown: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return Number.isFinite(value) ? { text: numberText(value) } : { refuse: "不是有效的数字", shown: String(value) };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { refuse: "是逻辑值（TRUE/FALSE），请填写数字", shown: String(value).toUpperCase() };
  if (value instanceof Date) return { refuse: "被设成了日期格式，请把单元格格式改为“常规”后重新填写数字", shown: value.toISOString().slice(0, 10) };
  if ("error" in value) return { refuse: "显示错误值，请填写数字", shown: value.error };
  if ("richText" in value) return { text: value.richText.map((part) => part.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))) {
      return { refuse: "是公式且没有计算结果，请直接填写数字", shown: `=${"formula" in value ? value.formula : value.sharedFormula}` };
    }
    return cellText(result);
  }
  if ("text" in value) return { text: value.text };
  return { refuse: "内容无法识别，请填写数字", shown: "" };
}

function stringOf(value: ExcelJS.CellValue): string {
  const read = cellText(value);
  return "text" in read ? read.text.trim() : "";
}

function readMeta(sheet: ExcelJS.Worksheet): WorkbookMeta | null {
  const byKey = new Map<string, string>();
  for (let row = 1; row < MAPPING_HEADER_ROW; row++) byKey.set(stringOf(sheet.getCell(row, 1).value), stringOf(sheet.getCell(row, 2).value));
  const meta = {
    schema: byKey.get(META_KEYS.schema) ?? "",
    unitCode: byKey.get(META_KEYS.unitCode) ?? "",
    unitName: byKey.get(META_KEYS.unitName) ?? "",
    year: Number(byKey.get(META_KEYS.year)),
    formatVersion: byKey.get(META_KEYS.formatVersion) ?? "",
    exportedAt: byKey.get(META_KEYS.exportedAt) ?? "",
    sheet: byKey.get(META_KEYS.sheet) ?? "",
  };
  if (meta.schema !== XLSX_SCHEMA || !meta.unitCode || !Number.isInteger(meta.year) || !meta.sheet) return null;
  return meta;
}

function checkMeta(meta: WorkbookMeta, expected: ExpectedWorkbook): void {
  const whose = meta.unitName || meta.unitCode;
  if (meta.unitCode !== expected.unitCode) {
    throw new XlsxImportError("other_unit", `这是“${whose}”的工作簿，不是“${expected.unitName}”的，未导入任何数据。请上传本单位的工作簿（在本页点击“下载 Excel”获取）。`);
  }
  if (meta.year !== expected.year) {
    throw new XlsxImportError("other_year", `这是 ${meta.year} 年度的工作簿，当前是 ${expected.year} 年度的报表，未导入任何数据。请下载 ${expected.year} 年度的工作簿填写后上传。`);
  }
  if (meta.formatVersion !== expected.formatVersion) {
    throw new XlsxImportError("other_format", `该工作簿按 ${meta.formatVersion || "未知"} 版格式导出，本年度使用 ${expected.formatVersion} 版格式，未导入任何数据。${DOWNLOAD_HINT}`);
  }
}

const REF_RE = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** address → sheet cell, for every input cell of the format; anything missing or odd means the workbook was altered. */
function readMapping(sheet: ExcelJS.Worksheet, version: FormatVersion): Map<CellAddress, string> {
  const format = getFormat(version);
  const mapping = new Map<CellAddress, string>();
  const last = Math.min(sheet.rowCount, MAPPING_HEADER_ROW + format.cells.length + 50);
  for (let row = MAPPING_HEADER_ROW + 1; row <= last; row++) {
    const address = stringOf(sheet.getCell(row, 1).value);
    const ref = stringOf(sheet.getCell(row, 2).value);
    if (!address) continue;
    const cell = format.cell(address);
    if (!cell || !REF_RE.test(ref) || mapping.has(address)) throw new XlsxImportError("damaged", `工作簿中的单元格对应表已被改动，无法确定数据位置。${DOWNLOAD_HINT}`);
    if (cell.kind !== "total") mapping.set(address, ref);
  }
  if (format.inputCells.some((c) => !mapping.has(c.address))) {
    throw new XlsxImportError("damaged", `工作簿中的单元格对应表不完整，无法确定数据位置。${DOWNLOAD_HINT}`);
  }
  return mapping;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > MAX_XLSX_BYTES) {
    throw new XlsxImportError("too_large", `文件超过 ${MAX_XLSX_BYTES / 1024 / 1024} MB，未导入。本系统下载的工作簿填好后通常不到 100 KB：请确认选择的是本系统下载的 .xlsx 文件，并删除另外添加的图片或工作表后再上传。`);
  }
  const zip = checkZip(bytes);
  if (!zip.ok) {
    if (zip.reason === "ole") {
      throw new XlsxImportError("damaged", `这是旧版 .xls 文件或加了密码的工作簿，无法读取。请在 Excel/WPS 中取消密码并“另存为”Excel 工作簿（.xlsx）后再上传。`);
    }
    throw new XlsxImportError("damaged", DAMAGED);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new XlsxImportError("damaged", DAMAGED);
  }
  return wb;
}

/** Reads and checks an uploaded workbook; throws XlsxImportError (with what to do, in Chinese) when it is refused. */
export async function readReportWorkbook(bytes: Uint8Array, expected: ExpectedWorkbook): Promise<ReadWorkbook> {
  const wb = await loadWorkbook(bytes);
  const metaSheet = wb.getWorksheet(META_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  if (!metaSheet || !meta) {
    throw new XlsxImportError("foreign", `这不是从本系统下载的年报工作簿（缺少系统标记），未导入任何数据。${DOWNLOAD_HINT}`);
  }
  checkMeta(meta, expected);
  const mapping = readMapping(metaSheet, expected.formatVersion);
  const sheet = wb.getWorksheet(meta.sheet);
  if (!sheet) throw new XlsxImportError("damaged", `找不到工作表“${meta.sheet}”，可能被重命名或删除了。${DOWNLOAD_HINT}`);

  const format = getFormat(expected.formatVersion);
  const texts: Record<CellAddress, string> = {};
  const values: CellValues = {};
  const refused: RefusedCell[] = [];
  for (const def of format.inputCells) {
    const read = cellText(sheet.getCell(mapping.get(def.address)!).value);
    if ("refuse" in read) {
      texts[def.address] = read.shown;
      refused.push({ cell: def.address, text: read.shown, message: `${read.shown ? `“${read.shown}”` : "该单元格"}${read.refuse}。` });
      continue;
    }
    texts[def.address] = read.text;
    const parsed = parseCellInput(def, read.text);
    if (parsed.ok) values[def.address] = parsed.value;
    else refused.push({ cell: def.address, text: read.text, message: parsed.message });
  }
  return { meta, texts, values, refused };
}
