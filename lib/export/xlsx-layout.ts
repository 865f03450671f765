// Places a TableDef's header and body rows on a spreadsheet grid (the HTML table algorithm) and sizes its columns.
import type ExcelJS from "exceljs";
import type { LayoutCell, TableDef } from "@/lib/report-format";

export interface PlacedCell {
  cell: LayoutCell;
  /** 1-based sheet row and column of the top-left corner. */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** Every layout cell of a table at its sheet position, header rows first, starting at startRow, column A. */
export function placeTable(table: TableDef, startRow: number): { placed: PlacedCell[]; rowCount: number } {
  const rows = [...table.header, ...table.body];
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  rows.forEach((layoutRow, r) => {
    let col = 0;
    for (const cell of layoutRow.cells) {
      while (taken.has(`${r}:${col}`)) col++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr}:${col + dc}`);
      }
      placed.push({ cell, row: startRow + r, col: col + 1, rowspan: cell.rowspan, colspan: cell.colspan });
      col += cell.colspan;
    }
  });
  return { placed, rowCount: rows.length };
}

/** Display width in spreadsheet character units: CJK and full-width forms take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const MIN_WIDTH = 9;
const MAX_WIDTH = 22;

/**
 * Column widths from the labels of cells one column wide (merged cells and tall row groups wrap instead), so a
 * column is as wide as its longest short label, within bounds.
 */
export function columnWidths(placed: PlacedCell[], columnCount: number): number[] {
  const widths = Array.from({ length: columnCount }, () => MIN_WIDTH);
  for (const p of placed) {
    if (p.cell.type !== "header" || p.colspan !== 1 || p.rowspan > 2) continue;
    const wanted = Math.min(MAX_WIDTH, textWidth(p.cell.label) + 2);
    widths[p.col - 1] = Math.max(widths[p.col - 1] ?? MIN_WIDTH, wanted);
  }
  return widths;
}

/** Height in points a row needs so that its wrapped labels show whole (spreadsheets do not measure on open). */
export function rowHeight(labels: { text: string; width: number }[], lineHeight = 14): number {
  let lines = 1;
  for (const { text, width } of labels) lines = Math.max(lines, Math.ceil(textWidth(text) / Math.max(1, width - 1)));
  return Math.max(18, lines * lineHeight + 4);
}

/** Both workbooks print on A4 landscape, one page wide, centred, without grid lines; only the margins differ. */
export function a4LandscapeSheet(margins: ExcelJS.Margins): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins },
    views: [{ showGridLines: false }],
  };
}
