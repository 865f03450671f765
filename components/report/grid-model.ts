// Spreadsheet geometry of the report tables: where each value cell sits, keyboard moves, and pasting a block.
import { parseCellInput, type CellAddress, type FormatDef, type TableDef, type TableId } from "@/lib/report-format";

export interface GridPos {
  table: TableId;
  row: number;
  col: number;
  colspan: number;
}

export interface GridIndex {
  pos: Map<CellAddress, GridPos>;
  /** Per table, the value cells of each body row (left to right), for rows that have any. */
  rows: Map<TableId, CellAddress[][]>;
  /** Input cells in reading order (the DOM order of the form). */
  inputOrder: CellAddress[];
}

/** Runs the HTML table algorithm over a table's body rows to give each value cell its row and column. */
function placeBody(table: TableDef, pos: Map<CellAddress, GridPos>): CellAddress[][] {
  const occupied: boolean[][] = [];
  const valueRows: CellAddress[][] = [];
  table.body.forEach((row, r) => {
    occupied[r] ??= [];
    let col = 0;
    const values: CellAddress[] = [];
    for (const cell of row.cells) {
      while (occupied[r]![col]) col++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        occupied[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) occupied[r + dr]![col + dc] = true;
      }
      if (cell.type === "value") {
        pos.set(cell.address, { table: table.id, row: valueRows.length, col, colspan: cell.colspan });
        values.push(cell.address);
      }
      col += cell.colspan;
    }
    if (values.length) valueRows.push(values);
  });
  return valueRows;
}

export function buildGridIndex(format: FormatDef): GridIndex {
  const pos = new Map<CellAddress, GridPos>();
  const rows = new Map<TableId, CellAddress[][]>();
  const inputOrder: CellAddress[] = [];
  for (const table of format.tables) {
    const valueRows = placeBody(table, pos);
    rows.set(table.id, valueRows);
    for (const row of valueRows) for (const a of row) if (format.cell(a)?.kind !== "total") inputOrder.push(a);
  }
  return { pos, rows, inputOrder };
}

export type Direction = "up" | "down" | "left" | "right";

/** The next input cell in a direction, skipping computed totals; null at the table's edge. */
export function moveFrom(index: GridIndex, format: FormatDef, from: CellAddress, dir: Direction): CellAddress | null {
  const p = index.pos.get(from);
  if (!p) return null;
  const rows = index.rows.get(p.table)!;
  const isInput = (a: CellAddress) => format.cell(a)?.kind !== "total";
  if (dir === "left" || dir === "right") {
    const row = rows[p.row]!;
    const i = row.indexOf(from);
    const step = dir === "left" ? -1 : 1;
    for (let j = i + step; j >= 0 && j < row.length; j += step) if (isInput(row[j]!)) return row[j]!;
    return null;
  }
  const step = dir === "up" ? -1 : 1;
  for (let r = p.row + step; r >= 0 && r < rows.length; r += step) {
    const hit = rows[r]!.find((a) => {
      const q = index.pos.get(a)!;
      return q.col <= p.col && p.col < q.col + q.colspan;
    });
    if (hit && isInput(hit)) return hit;
  }
  return null;
}

export interface PastePlan {
  accepted: { cell: CellAddress; text: string; value: string | null }[];
  refused: { cell: CellAddress | null; text: string; reason: string }[];
}

/** Splits text copied from Excel/WPS: rows by line breaks, cells by tabs (a trailing line break is dropped). */
export function parseClipboardBlock(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return rows.map((r) => r.split("\t"));
}

/**
 * Maps a pasted block onto the grid from the focused cell: pasted row i goes to the i-th value row from the start,
 * pasted column j to the j-th value cell from the start column. Totals, cells past the edge and invalid values are
 * refused, each with a reason; everything else is accepted as parsed.
 */
export function planPaste(index: GridIndex, format: FormatDef, start: CellAddress, block: string[][]): PastePlan {
  const plan: PastePlan = { accepted: [], refused: [] };
  const p = index.pos.get(start);
  if (!p) return plan;
  const rows = index.rows.get(p.table)!;
  block.forEach((cells, i) => {
    const row = rows[p.row + i];
    const targets = row ? row.filter((a) => index.pos.get(a)!.col + index.pos.get(a)!.colspan > p.col) : [];
    cells.forEach((text, j) => {
      const target = targets[j];
      if (!target) {
        if (text.trim() !== "") plan.refused.push({ cell: null, text, reason: "超出表格范围" });
        return;
      }
      const def = format.cell(target)!;
      if (def.kind === "total") {
        if (text.trim() !== "") plan.refused.push({ cell: target, text, reason: "总计由系统自动计算，已跳过" });
        return;
      }
      const parsed = parseCellInput(def, text);
      if (parsed.ok) plan.accepted.push({ cell: target, text: text.trim(), value: parsed.value });
      else plan.refused.push({ cell: target, text, reason: parsed.message });
    });
  });
  return plan;
}
