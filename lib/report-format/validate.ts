// validateReport: runs every interchange.md §3 rule except ROLLUP and returns issues in a stable order.

import { buildContext, sortIssues } from "./rule-context";
import { ruleCarry, ruleInForce, ruleItems, rulePublishedTotal } from "./rules-cross";
import { ruleNarrativeFee, ruleNarrativeLength, ruleNarrativeNumbers } from "./rules-narrative";
import {
  ruleGenFilled,
  ruleGenInt,
  ruleOtherHigh,
  rulePrintedTotals,
  ruleT3Balance,
} from "./rules-tables";
import type { Issue, ReportData, ValidateOptions } from "./types";

const RULES = [
  ruleT3Balance,
  rulePrintedTotals,
  ruleGenInt,
  ruleGenFilled,
  ruleNarrativeLength,
  ruleNarrativeFee,
  ruleNarrativeNumbers,
  ruleOtherHigh,
  ruleCarry,
  ruleInForce,
  ruleItems,
  rulePublishedTotal,
];

export function validateReport(report: ReportData, opts: ValidateOptions = {}): Issue[] {
  const ctx = buildContext(report, opts);
  return sortIssues(
    ctx.format,
    RULES.flatMap((rule) => rule(ctx)),
  );
}

export function countBySeverity(issues: Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors += 1;
  return { errors, warnings: issues.length - errors };
}

/** True when nothing blocks submission (warnings need a written explanation, not a fix). */
export function hasErrors(issues: Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}
