// Shared state for the rules: sanitised values (invalid → blank), computed totals, printed totals, and issue order.

import { parseCellInput } from "./cell-input";
import { getFormat, isFrozenFormat } from "./formats";
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
  /** Computed on first use (a getter: do not spread a SanitisedValues), then kept. */
  readonly totals: Record<CellAddress, string>;
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
  // Totals are computed once, and only if asked for: last year's report and roll-up parts need input cells only.
  let totals: Record<CellAddress, string> | undefined;
  const totalsOnce = (): Record<CellAddress, string> => (totals ??= computeTotals(format, values));
  return {
    values,
    invalid,
    get totals() {
      return totalsOnce();
    },
    num: (address) => (format.cell(address)?.kind === "total" ? totalsOnce()[address] : undefined) ?? values[address] ?? "0",
  };
}

export function buildContext(report: ReportData, opts: ValidateOptions): RuleContext {
  const format = getFormat(report.formatVersion);
  // Copied field by field rather than spread, which would read the lazy totals.
  const own = sanitise(format, report.values, opts.invalidCells);
  const context: RuleContext = {
    format,
    report,
    printedTotals: opts.printedTotals ?? {},
    values: own.values,
    invalid: own.invalid,
    num: own.num,
    get totals() {
      return own.totals;
    },
  };
  if (opts.previous) {
    const previousFormat = getFormat(opts.previous.formatVersion);
    const last = sanitise(previousFormat, opts.previous.values);
    context.previous = {
      report: opts.previous,
      format: previousFormat,
      values: last.values,
      invalid: last.invalid,
      num: last.num,
      get totals() {
        return last.totals;
      },
    };
  }
  return context;
}

const positions = new WeakMap<FormatDef, Map<CellAddress, number>>();

/** Print position of every cell and narrative; issues without a cell come first, unknown cells last. */
function positionsOf(format: FormatDef): Map<CellAddress, number> {
  let index = positions.get(format);
  if (index) return index;
  const after = format.cells.length;
  // Narratives sit where the report prints them: preamble and 一 before the tables, 五 and 六 after.
  index = new Map<CellAddress, number>([
    ["narratives.preamble", -2],
    ["narratives.s1", -1],
    ["narratives.s5", after],
    ["narratives.s6", after + 1],
  ]);
  for (const [i, cell] of format.cells.entries()) index.set(cell.address, i);
  if (isFrozenFormat(format)) positions.set(format, index);
  return index;
}

const RULE_INDEX = new Map<string, number>(RULE_ORDER.map((rule, i) => [rule, i]));

/** Print order of cells, then rule order; ties keep the order they were raised in. */
export function sortIssues(format: FormatDef, issues: Issue[]): Issue[] {
  const index = positionsOf(format);
  const unknown = format.cells.length + 2;
  const position = (cell: CellAddress | undefined): number => (cell === undefined ? -3 : (index.get(cell) ?? unknown));
  const ruleIndex = (rule: string): number => RULE_INDEX.get(rule) ?? RULE_ORDER.length;
  return issues
    .map((issue, i) => ({ issue, i, p: position(issue.cell), r: ruleIndex(issue.rule) }))
    .sort((a, b) => a.p - b.p || a.r - b.r || a.i - b.i)
    .map((x) => x.issue);
}
