// Builds table T2 (主动公开政府信息情况) from a version's block list: layout plus cell definitions.

import { headerCell, valueCell } from "./layout";
import type { CellDef, CellKind, LayoutRow, MoneyUnit, TableDef } from "./types";

const TABLE = "active_disclosure";

export interface ActiveColumnSpec {
  column: string;
  label: string;
  kind: Exclude<CellKind, "total">;
  /** Template columns B–C are merged for blocks with fewer than three value columns. */
  span: number;
  canonicalUnit?: MoneyUnit;
  help?: string;
}

export interface ActiveRowSpec {
  row: string;
  /** As printed in the table row, e.g. "规章". */
  label: string;
  /** With the block number, e.g. "（一）规章", so the name is unambiguous outside the table. */
  fullLabel: string;
}

export interface ActiveBlockSpec {
  id: string;
  title: string;
  columns: ActiveColumnSpec[];
  rows: ActiveRowSpec[];
}

export interface BuiltTable {
  table: TableDef;
  cells: CellDef[];
}

export function buildActiveDisclosure(blocks: ActiveBlockSpec[], caption: string): BuiltTable {
  const body: LayoutRow[] = [];
  const cells: CellDef[] = [];
  for (const block of blocks) {
    const blockId = `${TABLE}--block-${block.id}`;
    body.push({ cells: [headerCell(blockId, block.title, "rowgroup", { colspan: 4 })] });
    body.push({
      cells: [
        headerCell(`${blockId}--content`, "信息内容", "col"),
        ...block.columns.map((column) =>
          headerCell(`${blockId}--${column.column}`, column.label, "col", { colspan: column.span }, column.help),
        ),
      ],
    });
    for (const row of block.rows) {
      const rowId = `${TABLE}--row-${row.row}`;
      const rowCells: LayoutRow["cells"] = [headerCell(rowId, row.label, "row")];
      for (const column of block.columns) {
        const address = `${TABLE}.${row.row}.${column.column}`;
        rowCells.push(valueCell(address, [blockId, rowId, `${blockId}--${column.column}`], column.span));
        const cell: CellDef = {
          address,
          table: TABLE,
          row: row.row,
          column: column.column,
          kind: column.kind,
          rowLabel: row.fullLabel,
          columnLabel: column.label,
          accessibleName: `${row.fullLabel} ${column.label}`,
        };
        if (column.canonicalUnit) cell.canonicalUnit = column.canonicalUnit;
        if (column.help) cell.help = column.help;
        cells.push(cell);
      }
      body.push({ cells: rowCells });
    }
  }
  return {
    table: { id: TABLE, sectionId: "s2", caption, columnCount: 4, header: [], body },
    cells,
  };
}
