// Computes every read-only total cell (T3 row totals, （七）总计, T4 group totals) from the input cells.

import { decimalSum, isDecimalString } from "./decimal";
import { resultRowsOf } from "./formats";
import { APPLICANT_COLUMNS } from "./table-applications";
import { REVIEW_COLUMNS } from "./table-review";
import type { CellAddress, CellValues, FormatDef } from "./types";

export function emptyValues(format: FormatDef): CellValues {
  const values: CellValues = {};
  for (const cell of format.inputCells) values[cell.address] = null;
  return values;
}

/** Blank and unparsable values count as 0, as in every rule; validation reports them separately. */
function numeric(values: CellValues, address: CellAddress): string {
  const value = values[address];
  return typeof value === "string" && isDecimalString(value) ? value : "0";
}

export function computeTotals(format: FormatDef, values: CellValues): Record<CellAddress, string> {
  const totals: Record<CellAddress, string> = {};
  const results = new Set(resultRowsOf(format));
  const applicantColumns = APPLICANT_COLUMNS.map((c) => c.column);
  const rows = [...new Set(format.cells.filter((c) => c.table === "applications").map((c) => c.row))];

  const columnSums: Record<string, string[]> = Object.fromEntries(applicantColumns.map((c) => [c, []]));
  for (const row of rows) {
    if (row === "results_total") continue;
    const rowValues = applicantColumns.map((c) => numeric(values, `applications.${row}.${c}`));
    totals[`applications.${row}.total`] = decimalSum(rowValues);
    if (results.has(row)) applicantColumns.forEach((c, i) => columnSums[c].push(rowValues[i]));
  }
  const resultTotals = applicantColumns.map((c) => decimalSum(columnSums[c]));
  applicantColumns.forEach((c, i) => {
    totals[`applications.results_total.${c}`] = resultTotals[i];
  });
  totals["applications.results_total.total"] = decimalSum(resultTotals);

  const reviewInputs = REVIEW_COLUMNS.filter((c) => c.column !== "total").map((c) => c.column);
  for (const group of ["admin_review", "litigation_direct", "litigation_after_review"]) {
    totals[`review_litigation.${group}.total`] = decimalSum(
      reviewInputs.map((c) => numeric(values, `review_litigation.${group}.${c}`)),
    );
  }
  // Keep print order: callers iterate totals alongside format.cells.
  const ordered: Record<CellAddress, string> = {};
  for (const cell of format.cells) {
    if (cell.kind === "total") ordered[cell.address] = totals[cell.address];
  }
  return ordered;
}

/** Input values plus computed totals: the value to show for any cell. */
export function allCellValues(format: FormatDef, values: CellValues): Record<CellAddress, string | null> {
  const totals = computeTotals(format, values);
  const all: Record<CellAddress, string | null> = {};
  for (const cell of format.cells) {
    all[cell.address] = cell.kind === "total" ? totals[cell.address] : (values[cell.address] ?? null);
  }
  return all;
}
