// Small constructors for layout cells and the grid-width sanity check every renderer relies on.

import type { CellAddress, HeaderCell, LayoutRow, TableDef, ValueCell } from "./types";

export function headerCell(
  id: string,
  label: string,
  scope: HeaderCell["scope"],
  span: { rowspan?: number; colspan?: number } = {},
  help?: string,
): HeaderCell {
  const cell: HeaderCell = {
    type: "header",
    label,
    rowspan: span.rowspan ?? 1,
    colspan: span.colspan ?? 1,
    scope,
    id,
  };
  if (help) cell.help = help;
  return cell;
}

export function valueCell(address: CellAddress, headerIds: string[], colspan = 1): ValueCell {
  return { type: "value", address, rowspan: 1, colspan, headerIds };
}

function rowWidths(rows: LayoutRow[]): number[] {
  // Columns still occupied by rowspans from rows above, counted down as rows pass.
  let carried: number[] = [];
  return rows.map((row) => {
    const occupiedFromAbove = carried.filter((remaining) => remaining > 0).length;
    const next: number[] = [];
    for (const remaining of carried) {
      if (remaining > 1) next.push(remaining - 1);
    }
    let width = 0;
    for (const cell of row.cells) {
      width += cell.colspan;
      for (let i = 0; i < cell.colspan; i++) {
        if (cell.rowspan > 1) next.push(cell.rowspan - 1);
      }
    }
    carried = next;
    return occupiedFromAbove + width;
  });
}

/**
 * Width of every layout row (header rows first, then body rows), counting the columns held by
 * rowspans from rows above. A well-formed table has every entry equal to its columnCount.
 * Header and body are separate grids: a rowspan never crosses from one into the other.
 */
export function layoutColumnCount(table: TableDef): number[] {
  return [...rowWidths(table.header), ...rowWidths(table.body)];
}
