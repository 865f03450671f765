// Computes every read-only total cell (T3 row totals, （七）总计, T4 group totals) from the input cells.

import { decimalSum, isDecimalString } from "./decimal";
import { isFrozenFormat, resultRowsOf } from "./formats";
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

interface SumPlan {
  total: CellAddress;
  inputs: readonly CellAddress[];
}

/** Which cells add up to which total, worked out once per format (formats are frozen and shared). */
interface TotalsPlan {
  /** T3 rows except （七）总计, in print order; `result` rows also add up, column by column, into （七）总计. */
  rows: readonly (SumPlan & { result: boolean })[];
  /** （七）总计 of each applicant column. */
  resultColumns: readonly CellAddress[];
  grandTotal: CellAddress;
  review: readonly SumPlan[];
  /** Every total cell in print order: callers iterate totals alongside format.cells. */
  order: readonly CellAddress[];
}

const plans = new WeakMap<FormatDef, TotalsPlan>();

function planOf(format: FormatDef): TotalsPlan {
  let plan = plans.get(format);
  if (plan) return plan;
  const results = new Set(resultRowsOf(format));
  const applicantColumns = APPLICANT_COLUMNS.map((c) => c.column);
  const applicationRows = [...new Set(format.cells.filter((c) => c.table === "applications").map((c) => c.row))];
  const reviewInputs = REVIEW_COLUMNS.filter((c) => c.column !== "total").map((c) => c.column);
  plan = {
    rows: applicationRows
      .filter((row) => row !== "results_total")
      .map((row) => ({
        total: `applications.${row}.total`,
        inputs: applicantColumns.map((c) => `applications.${row}.${c}`),
        result: results.has(row),
      })),
    resultColumns: applicantColumns.map((c) => `applications.results_total.${c}`),
    grandTotal: "applications.results_total.total",
    review: ["admin_review", "litigation_direct", "litigation_after_review"].map((group) => ({
      total: `review_litigation.${group}.total`,
      inputs: reviewInputs.map((c) => `review_litigation.${group}.${c}`),
    })),
    order: format.cells.filter((cell) => cell.kind === "total").map((cell) => cell.address),
  };
  if (isFrozenFormat(format)) plans.set(format, plan);
  return plan;
}

export function computeTotals(format: FormatDef, values: CellValues): Record<CellAddress, string> {
  const plan = planOf(format);
  const totals: Record<CellAddress, string> = {};
  const columnSums: string[][] = plan.resultColumns.map(() => []);
  for (const row of plan.rows) {
    const rowValues = row.inputs.map((address) => numeric(values, address));
    totals[row.total] = decimalSum(rowValues);
    if (row.result) rowValues.forEach((value, i) => columnSums[i].push(value));
  }
  const resultTotals = columnSums.map((column) => decimalSum(column));
  plan.resultColumns.forEach((address, i) => {
    totals[address] = resultTotals[i];
  });
  totals[plan.grandTotal] = decimalSum(resultTotals);
  for (const group of plan.review) {
    totals[group.total] = decimalSum(group.inputs.map((address) => numeric(values, address)));
  }
  const ordered: Record<CellAddress, string> = {};
  for (const address of plan.order) ordered[address] = totals[address];
  return ordered;
}

/**
 * What each total adds up, as cell addresses (input cells, or for （七）总计's 总计 the six column totals): lets a
 * writer express totals as spreadsheet formulas without restating the format. Print order of the totals.
 */
export function totalTerms(format: FormatDef): Record<CellAddress, CellAddress[]> {
  const plan = planOf(format);
  const terms: Record<CellAddress, CellAddress[]> = {};
  for (const row of plan.rows) terms[row.total] = [...row.inputs];
  const resultRows = plan.rows.filter((row) => row.result);
  plan.resultColumns.forEach((address, i) => {
    terms[address] = resultRows.map((row) => row.inputs[i]);
  });
  terms[plan.grandTotal] = [...plan.resultColumns];
  for (const group of plan.review) terms[group.total] = [...group.inputs];
  const ordered: Record<CellAddress, CellAddress[]> = {};
  for (const address of plan.order) ordered[address] = terms[address];
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
