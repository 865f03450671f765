// Shared state for the rules: sanitised values (invalid → blank), computed totals, printed totals, and issue order.

import { parseCellInput } from "./cell-input";
import { getFormat } from "./formats";
import { computeTotals } from "./totals";
import type { CellAddress, CellValues, FormatDef, Issue, ReportData, RuleId, ValidateOptions } from "./types";

export const RULE_ORDER: readonly RuleId[] = [
  "T3-BAL",
  "T3-SUM",
  "T3-ROW",
  "T4-REVIEW",
  "T4-DIRECT",
  "T4-AFTER",
  "GEN-INT",
  "GEN-FILLED",
  "GEN-STRUCT",
  "NARR-LEN",
  "NARR-FEE",
  "NARR-NUM",
  "OTHER-HIGH",
  "X-CARRY",
  "X-INFORCE",
  "X-ITEMS",
  "X-PUBTOTAL",
  "ROLLUP",
];

export interface SanitisedValues {
  values: CellValues;
  invalid: Record<CellAddress, string>;
  totals: Record<CellAddress, string>;
  /** Value used by the rules: blank and invalid count as 0, totals are the computed ones. */
  num(address: CellAddress): string;
}

export interface RuleContext extends SanitisedValues {
  format: FormatDef;
  report: ReportData;
  printedTotals: Record<CellAddress, string | null>;
  previous?: SanitisedValues & { report: ReportData; format: FormatDef };
}

export function sanitise(
  format: FormatDef,
  raw: CellValues,
  invalidCells: Record<CellAddress, string> = {},
): SanitisedValues {
  const values: CellValues = {};
  const invalid: Record<CellAddress, string> = {};
  for (const cell of format.cells) {
    const flagged = invalidCells[cell.address];
    if (flagged !== undefined) {
      invalid[cell.address] = flagged;
      if (cell.kind !== "total") values[cell.address] = null;
      continue;
    }
    if (cell.kind === "total") continue;
    const value = raw[cell.address];
    if (value === null || value === undefined) {
      values[cell.address] = null;
      continue;
    }
    const parsed = parseCellInput(cell, value);
    if (parsed.ok) values[cell.address] = parsed.value;
    else {
      values[cell.address] = null;
      invalid[cell.address] = value;
    }
  }
  const totals = computeTotals(format, values);
  return {
    values,
    invalid,
    totals,
    num: (address) => totals[address] ?? values[address] ?? "0",
  };
}

export function buildContext(report: ReportData, opts: ValidateOptions): RuleContext {
  const format = getFormat(report.formatVersion);
  const context: RuleContext = {
    format,
    report,
    printedTotals: opts.printedTotals ?? {},
    ...sanitise(format, report.values, opts.invalidCells),
  };
  if (opts.previous) {
    const previousFormat = getFormat(opts.previous.formatVersion);
    context.previous = {
      ...sanitise(previousFormat, opts.previous.values),
      report: opts.previous,
      format: previousFormat,
    };
  }
  return context;
}

function positionOf(format: FormatDef): (cell: CellAddress | undefined) => number {
  const index = new Map<CellAddress, number>(format.cells.map((c, i) => [c.address, i]));
  const after = format.cells.length;
  // Narratives sit where the report prints them: preamble and 一 before the tables, 五 and 六 after.
  const narrative: Record<string, number> = {
    "narratives.preamble": -2,
    "narratives.s1": -1,
    "narratives.s5": after,
    "narratives.s6": after + 1,
  };
  return (cell) => {
    if (cell === undefined) return -3;
    return index.get(cell) ?? narrative[cell] ?? after + 2;
  };
}

/** Print order of cells, then rule order; ties keep the order they were raised in. */
export function sortIssues(format: FormatDef, issues: Issue[]): Issue[] {
  const position = positionOf(format);
  const ruleIndex = (rule: string): number => {
    const i = (RULE_ORDER as readonly string[]).indexOf(rule);
    return i < 0 ? RULE_ORDER.length : i;
  };
  return issues
    .map((issue, i) => ({ issue, i, p: position(issue.cell), r: ruleIndex(issue.rule) }))
    .sort((a, b) => a.p - b.p || a.r - b.r || a.i - b.i)
    .map((x) => x.issue);
}
