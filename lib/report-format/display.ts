// How a cell value is printed in the official layout: money names its unit unless the column label already does.
import type { CellDef } from "./types";

/** "" for a blank cell; "7730.28万元" for money under a label without "单位"; the value itself otherwise. */
export function printedValue(cell: CellDef, value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (cell.kind === "money" && cell.canonicalUnit && !cell.columnLabel.includes("单位")) {
    return `${value}${cell.canonicalUnit}`;
  }
  return value;
}
