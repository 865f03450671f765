// Writes one unit's report as an .xlsx in the official layout, driven only by lib/report-format: merged headers,
// unlocked input cells, locked total formulas with their computed values, and a very hidden sheet that maps each
// cell address to its sheet cell so an upload can be read back.
import ExcelJS from "exceljs";
import {
  allowedText,
  computeTotals,
  getFormat,
  MAX_COUNT,
  totalTerms,
  type CellDef,
  type FormatDef,
  type ReportData,
} from "@/lib/report-format";
import { a4LandscapeSheet, columnWidths, placeTable, rowHeight, type PlacedCell } from "./xlsx-layout";
import { MAPPING_HEADER_ROW, META_KEYS, META_SHEET, REPORT_SHEET, XLSX_SCHEMA, type WorkbookMeta } from "./xlsx-meta";

const TITLE_FONT = "黑体";
const BODY_FONT = "宋体";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F4F7" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE4E7EC" } };
export const COUNT_FORMAT = "0";
export const MONEY_FORMAT = "0.00####";

/** "D12" from 1-based row and column. */
export function cellRef(row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** A SUM over sheet positions, as ranges: one rectangle when they form one, else a run per row or column. */
export function sumFormula(positions: { row: number; col: number }[]): string {
  const rows = [...new Set(positions.map((p) => p.row))].sort((a, b) => a - b);
  const cols = [...new Set(positions.map((p) => p.col))].sort((a, b) => a - b);
  const contiguous = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);
  if (contiguous(rows) && contiguous(cols) && rows.length * cols.length === positions.length) {
    const from = cellRef(rows[0]!, cols[0]!);
    const to = cellRef(rows[rows.length - 1]!, cols[cols.length - 1]!);
    return `SUM(${from === to ? from : `${from}:${to}`})`;
  }
  return `SUM(${positions.map((p) => cellRef(p.row, p.col)).join(",")})`;
}

/** A money header names its unit: "采购总金额（单位：元）" unless the printed label already does. */
export function headerText(label: string, headed: CellDef[]): string {
  const money = headed.find((c) => c.kind === "money" && c.canonicalUnit);
  return money && !label.includes("单位") ? `${label}（单位：${money.canonicalUnit}）` : label;
}

/**
 * A stored value as a spreadsheet value: a number when the number says exactly the same decimal (always so for
 * counts, ≤ 12 digits), otherwise the decimal string, so no money value is ever rounded on the way out.
 */
export function sheetValue(value: string | null): number | string | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) && String(n) === value ? n : value;
}

function validation(cell: CellDef): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: "请检查填写的数字", error: allowedText(cell) } as const;
  if (cell.kind === "money") return { ...common, type: "decimal", operator: "greaterThanOrEqual", formulae: [0] };
  const max = Number(MAX_COUNT);
  return { ...common, type: "whole", operator: "between", formulae: [cell.kind === "signed_count" ? -max : 0, max] };
}

export function mergeAndBorder(ws: ExcelJS.Worksheet, p: PlacedCell): void {
  if (p.rowspan > 1 || p.colspan > 1) ws.mergeCells(p.row, p.col, p.row + p.rowspan - 1, p.col + p.colspan - 1);
  for (let r = p.row; r < p.row + p.rowspan; r++) {
    for (let c = p.col; c < p.col + p.colspan; c++) ws.getCell(r, c).border = THIN;
  }
}

interface SheetPlan {
  placed: PlacedCell[];
  refs: Map<string, { row: number; col: number }>;
  captions: { row: number; text: string; width: number }[];
  lastRow: number;
}

/** Title rows, then each table's caption and grid, a blank row between tables. */
function planSheet(format: FormatDef): SheetPlan {
  const placed: PlacedCell[] = [];
  const refs = new Map<string, { row: number; col: number }>();
  const captions: SheetPlan["captions"] = [];
  let row = 4;
  for (const table of format.tables) {
    captions.push({ row, text: table.caption, width: table.columnCount });
    const grid = placeTable(table, row + 1);
    for (const p of grid.placed) {
      placed.push(p);
      if (p.cell.type === "value") refs.set(p.cell.address, { row: p.row, col: p.col });
    }
    row += grid.rowCount + 2;
  }
  return { placed, refs, captions, lastRow: row - 2 };
}

function writeReportSheet(ws: ExcelJS.Worksheet, report: ReportData, plan: SheetPlan): void {
  const format = getFormat(report.formatVersion);
  const width = Math.max(...format.tables.map((t) => t.columnCount));
  const totals = computeTotals(format, report.values);
  const terms = totalTerms(format);
  const widths = columnWidths(plan.placed, width);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const spanWidth = (p: PlacedCell) => widths.slice(p.col - 1, p.col - 1 + p.colspan).reduce((a, b) => a + b, 0);

  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = `${report.unit.name}${report.year}年政府信息公开工作年度报告`;
  title.font = { name: TITLE_FONT, size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 32;
  ws.mergeCells(2, 1, 2, width);
  const note = ws.getCell(2, 1);
  note.value = `（${format.notice}格式）只填写白色单元格；灰色单元格为合计，由公式自动计算。空白表示未填写，没有发生请填 0。请勿增删行列或改动工作表名称，填好后保存为 .xlsx，在系统中“上传 Excel”导入。`;
  note.font = { name: BODY_FONT, size: 9, color: { argb: "FF555555" } };
  note.alignment = { wrapText: true, vertical: "middle" };
  ws.getRow(2).height = 30;

  for (const caption of plan.captions) {
    ws.mergeCells(caption.row, 1, caption.row, caption.width);
    const cell = ws.getCell(caption.row, 1);
    cell.value = caption.text;
    cell.font = { name: TITLE_FONT, size: 12 };
    ws.getRow(caption.row).height = 22;
  }

  const headed = new Map<string, CellDef[]>();
  for (const p of plan.placed) {
    const def = p.cell.type === "value" ? format.cell(p.cell.address) : undefined;
    if (p.cell.type !== "value" || !def) continue;
    for (const id of p.cell.headerIds) headed.set(id, [...(headed.get(id) ?? []), def]);
  }
  const heights = new Map<number, { text: string; width: number }[]>();
  for (const p of plan.placed) {
    mergeAndBorder(ws, p);
    const cell = ws.getCell(p.row, p.col);
    if (p.cell.type === "header") {
      cell.value = headerText(p.cell.label, headed.get(p.cell.id) ?? []);
      cell.font = { name: BODY_FONT, size: 10 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = HEADER_FILL;
      if (p.cell.help) cell.note = p.cell.help;
      if (p.rowspan === 1) heights.set(p.row, [...(heights.get(p.row) ?? []), { text: String(cell.value), width: spanWidth(p) }]);
      continue;
    }
    const def = format.cell(p.cell.address);
    if (!def) continue;
    cell.font = { name: BODY_FONT, size: 10.5, bold: def.kind === "total" };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    if (def.kind === "total") {
      const positions = (terms[def.address] ?? []).map((address) => plan.refs.get(address)).filter((q) => q !== undefined);
      cell.value = { formula: sumFormula(positions), result: Number(totals[def.address] ?? "0") };
      cell.numFmt = COUNT_FORMAT;
      cell.fill = TOTAL_FILL;
    } else {
      cell.value = sheetValue(report.values[def.address] ?? null);
      cell.numFmt = def.kind === "money" ? MONEY_FORMAT : COUNT_FORMAT;
      cell.protection = { locked: false };
      cell.dataValidation = validation(def);
    }
  }
  for (const [row, labels] of heights) ws.getRow(row).height = rowHeight(labels);
}

function writeMetaSheet(ws: ExcelJS.Worksheet, meta: WorkbookMeta, format: FormatDef, plan: SheetPlan): void {
  const entries: [string, string][] = (Object.keys(META_KEYS) as (keyof WorkbookMeta)[]).map((key) => [META_KEYS[key], String(meta[key])]);
  entries.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    // Text cells, so a year or unit code never turns into a number or a date on the way back.
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getRow(MAPPING_HEADER_ROW).values = ["address", "ref", "kind"];
  format.cells.forEach((cell, i) => {
    const at = plan.refs.get(cell.address);
    ws.getRow(MAPPING_HEADER_ROW + 1 + i).values = [cell.address, at ? cellRef(at.row, at.col) : "", cell.kind];
  });
}

/** The workbook as bytes; exportedAt is written into the meta sheet. */
export async function buildReportWorkbook(report: ReportData, exportedAt: Date): Promise<Buffer> {
  const format = getFormat(report.formatVersion);
  const plan = planSheet(format);
  const wb = new ExcelJS.Workbook();
  wb.creator = "年报 Nianbao";
  wb.created = exportedAt;
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(REPORT_SHEET, {
    ...a4LandscapeSheet({ left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }),
  });
  writeReportSheet(ws, report, plan);
  // Protection without a password: it guards labels and totals against slips, not against a determined user
  // (the upload re-checks everything anyway).
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const meta: WorkbookMeta = {
    schema: XLSX_SCHEMA,
    unitCode: report.unit.code,
    unitName: report.unit.name,
    year: report.year,
    formatVersion: report.formatVersion,
    exportedAt: exportedAt.toISOString(),
    sheet: REPORT_SHEET,
  };
  writeMetaSheet(wb.addWorksheet(META_SHEET, { state: "veryHidden" }), meta, format, plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
