// The published (or approved) report as one Excel sheet in the official layout: title, the six sections with their
// narratives, the three tables with merged headers, figures as stored. A record to read, not a form: no hidden
// round-trip sheet, no unlocked input cells (the clerk's fill-in workbook is xlsx-report.ts).
import ExcelJS from "exceljs";
import { computeTotals, getFormat, narrativeToBlocks, type CellDef, type FormatDef, type NarrativeId, type ReportData } from "@/lib/report-format";
import { a4LandscapeSheet, columnWidths, placeTable, rowHeight, textWidth, type PlacedCell } from "./xlsx-layout";
import { chineseDate, correctionLabel, type PublicationMeta } from "./publication";
import { REPORT_SHEET } from "./xlsx-meta";
import { COUNT_FORMAT, headerText, mergeAndBorder, MONEY_FORMAT, sheetValue } from "./xlsx-report";

// Spreadsheets have no font fallback list: use the fallbacks of design.md that every Chinese Windows has.
const TITLE_FONT = "黑体";
const HEADING_FONT = "黑体";
const BODY_FONT = "仿宋";
const mmToInch = (mm: number) => Math.round((mm / 25.4) * 1000) / 1000;

/** Value cells under each header id, so a money header can name its unit. */
function headedCells(format: FormatDef, placed: PlacedCell[]): Map<string, CellDef[]> {
  const headed = new Map<string, CellDef[]>();
  for (const p of placed) {
    const def = p.cell.type === "value" ? format.cell(p.cell.address) : undefined;
    if (p.cell.type !== "value" || !def) continue;
    for (const id of p.cell.headerIds) headed.set(id, [...(headed.get(id) ?? []), def]);
  }
  return headed;
}

class SheetWriter {
  row = 1;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly width: number,
    readonly widthChars: number,
  ) {}

  /** One merged row across the sheet; its height follows the wrapped length of its text. */
  line(value: ExcelJS.CellValue, text: string, font: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment> = {}, lineHeight = 18): void {
    this.ws.mergeCells(this.row, 1, this.row, this.width);
    const cell = this.ws.getCell(this.row, 1);
    cell.value = value;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: "middle", ...align };
    const lines = Math.max(1, Math.ceil(textWidth(text) / Math.max(1, this.widthChars - 2)));
    this.ws.getRow(this.row).height = lines * lineHeight + 6;
    this.row += 1;
  }

  narrative(text: string | undefined): void {
    for (const p of narrativeToBlocks(text ?? "").paragraphs) {
      const plain = p.segments.map((s) => s.text).join("");
      const font = { name: BODY_FONT, size: 12 };
      // A plain string or rich text: either way a text cell, so a paragraph starting with "=" is never a formula.
      const value: ExcelJS.CellValue = p.segments.some((s) => s.bold)
        ? { richText: p.segments.map((s) => ({ text: s.text, font: { ...font, bold: s.bold } })) }
        : plain;
      this.line(value, plain, font, { vertical: "top" });
    }
  }

  table(format: FormatDef, tableIndex: number, values: Record<string, string | null>): void {
    const table = format.tables[tableIndex]!;
    const { placed, rowCount } = placeTable(table, this.row);
    const headed = headedCells(format, placed);
    const heights = new Map<number, { text: string; width: number }[]>();
    const widths = this.ws.columns.map((c) => c.width ?? 9);
    for (const p of placed) {
      mergeAndBorder(this.ws, p);
      const cell = this.ws.getCell(p.row, p.col);
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      if (p.cell.type === "header") {
        cell.value = headerText(p.cell.label, headed.get(p.cell.id) ?? []);
        cell.font = { name: BODY_FONT, size: 10.5 };
        const spanWidth = widths.slice(p.col - 1, p.col - 1 + p.colspan).reduce((a, b) => a + b, 0);
        if (p.rowspan === 1) heights.set(p.row, [...(heights.get(p.row) ?? []), { text: String(cell.value), width: spanWidth }]);
        continue;
      }
      const def = format.cell(p.cell.address);
      if (!def) continue;
      cell.value = sheetValue(values[def.address] ?? null);
      cell.numFmt = def.kind === "money" ? MONEY_FORMAT : COUNT_FORMAT;
      cell.font = { name: BODY_FONT, size: 10.5, bold: def.kind === "total" };
    }
    for (const [row, labels] of heights) this.ws.getRow(row).height = rowHeight(labels);
    this.row += rowCount + 1;
  }
}

/** The workbook as bytes; meta adds the correction note under the title and the date of publication at the end. */
export async function buildOfficialWorkbook(report: ReportData, meta: PublicationMeta = {}): Promise<Buffer> {
  const format = getFormat(report.formatVersion);
  const values = { ...report.values, ...computeTotals(format, report.values) };
  const width = Math.max(...format.tables.map((t) => t.columnCount));
  const wb = new ExcelJS.Workbook();
  wb.creator = "年报 Nianbao";
  if (meta.publishedAt) wb.created = meta.publishedAt;
  const ws = wb.addWorksheet(REPORT_SHEET, {
    ...a4LandscapeSheet({ top: mmToInch(37), bottom: mmToInch(35), left: mmToInch(28), right: mmToInch(26), header: 0.3, footer: 0.6 }),
    headerFooter: { oddFooter: "&C— &P —" },
  });
  const widths = Array.from({ length: width }, () => 9);
  for (const table of format.tables) {
    columnWidths(placeTable(table, 1).placed, table.columnCount).forEach((w, i) => (widths[i] = Math.max(widths[i]!, w)));
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const out = new SheetWriter(ws, width, widths.reduce((a, b) => a + b, 0));

  const title = `${report.unit.name}${report.year}年政府信息公开工作年度报告`;
  out.line(title, title, { name: TITLE_FONT, size: 18 }, { horizontal: "center" }, 28);
  if (meta.correctionNote) {
    const note = `${correctionLabel(meta)}${meta.correctionNote}`;
    out.line(note, note, { name: BODY_FONT, size: 12 }, { vertical: "top" });
  }
  for (const section of format.sections) {
    if (section.title) out.line(section.title, section.title, { name: HEADING_FONT, size: 12 }, {}, 20);
    if (section.kind === "text") out.narrative(report.narratives[section.id as NarrativeId]);
    else format.tables.forEach((t, i) => {
      if (t.id === section.table) out.table(format, i, values);
    });
  }
  if (meta.publishedAt) {
    for (const text of [report.unit.name, chineseDate(meta.publishedAt)]) out.line(text, text, { name: BODY_FONT, size: 12 }, { horizontal: "right" });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
