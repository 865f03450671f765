// One table of the report as a Word table: the layout's grid with its merges (gridSpan; vMerge restart/continue for
// rowspans), borders, centred header cells and bold totals. Labels and values come from the format and the report.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import { printedValue, type FormatDef, type TableDef } from "@/lib/report-format";
import { columnWidths, placeTable, type PlacedCell } from "./xlsx-layout";
import { FONTS, fontOf, SIZES } from "./docx-style";

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const CELL_MARGINS = { top: 30, bottom: 30, left: 57, right: 57 };

/** Column widths in twips: the spreadsheet's label-based widths, scaled to the text width of the page. */
export function tableColumnWidths(table: TableDef, totalWidth: number): number[] {
  const chars = columnWidths(placeTable(table, 1).placed, table.columnCount);
  const sum = chars.reduce((a, b) => a + b, 0);
  const widths = chars.map((w) => Math.floor((w / sum) * totalWidth));
  widths[widths.length - 1]! += totalWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The placed cell that covers each grid position (row, column), 0-based. */
function coverGrid(table: TableDef): PlacedCell[][] {
  const rowCount = table.header.length + table.body.length;
  const grid: PlacedCell[][] = Array.from({ length: rowCount }, () => []);
  for (const p of placeTable(table, 1).placed) {
    for (let r = p.row - 1; r < p.row - 1 + p.rowspan; r++) {
      for (let c = p.col - 1; c < p.col - 1 + p.colspan; c++) grid[r]![c] = p;
    }
  }
  return grid;
}

function cellParagraph(text: string, bold: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 260, lineRule: LineRuleType.AUTO },
    children: text ? [new TextRun({ text, bold: bold || undefined, font: fontOf(FONTS.body), size: SIZES.table })] : [],
  });
}

/** The text a layout cell prints and whether it is bold (computed totals are). */
function cellContent(p: PlacedCell, format: FormatDef, values: Record<string, string | null>): { text: string; bold: boolean } {
  if (p.cell.type === "header") return { text: p.cell.label, bold: false };
  const def = format.cell(p.cell.address);
  if (!def) return { text: "", bold: false };
  return { text: printedValue(def, values[p.cell.address]), bold: def.kind === "total" };
}

export function reportTable(table: TableDef, format: FormatDef, values: Record<string, string | null>, totalWidth: number): Table {
  const widths = tableColumnWidths(table, totalWidth);
  const grid = coverGrid(table);
  const spanWidth = (p: PlacedCell) => widths.slice(p.col - 1, p.col - 1 + p.colspan).reduce((a, b) => a + b, 0);
  const rows = grid.map((line, r) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < table.columnCount; ) {
      const p = line[c];
      if (!p) throw new Error(`layout of ${table.id} leaves row ${r + 1} column ${c + 1} empty`);
      const starts = p.row - 1 === r;
      const content = starts ? cellContent(p, format, values) : { text: "", bold: false };
      cells.push(
        new TableCell({
          children: [cellParagraph(content.text, content.bold)],
          columnSpan: p.colspan > 1 ? p.colspan : undefined,
          verticalMerge: p.rowspan > 1 ? (starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE) : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: spanWidth(p), type: WidthType.DXA },
          margins: CELL_MARGINS,
        }),
      );
      c += p.colspan;
    }
    // Header rows repeat on every page the table runs over; a row is never split across pages.
    return new TableRow({ children: cells, tableHeader: r < table.header.length || undefined, cantSplit: true });
  });
  return new Table({
    rows,
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
  });
}
