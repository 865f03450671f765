// Rules against last year's report (X-CARRY, X-INFORCE, X-ITEMS) and the 2019 X-PUBTOTAL plausibility check.

import { decimalAdd, decimalCompare, decimalSub } from "./decimal";
import type { RuleContext } from "./rule-context";
import { APPLICANT_COLUMNS } from "./table-applications";
import type { Issue } from "./types";

export const ITEM_ROWS_2019 = [
  "admin_licensing",
  "other_external_services",
  "admin_penalty",
  "admin_coercion",
  "admin_fees",
] as const;
export const DOCUMENT_ROWS = ["regulations", "normative_documents"] as const;

function label(ctx: RuleContext, address: string): string {
  return ctx.format.cell(address)?.accessibleName ?? address;
}

/** Last year's report counts only when it is the same unit and the year just before. */
function comparablePrevious(ctx: RuleContext): RuleContext["previous"] {
  const previous = ctx.previous;
  if (!previous) return undefined;
  if (previous.report.unit.code !== ctx.report.unit.code) return undefined;
  if (previous.report.year !== ctx.report.year - 1) return undefined;
  return previous;
}

export function ruleCarry(ctx: RuleContext): Issue[] {
  const previous = comparablePrevious(ctx);
  if (!previous) return [];
  const issues: Issue[] = [];
  for (const { column } of APPLICANT_COLUMNS) {
    const cell = `applications.carried_over.${column}`;
    const expected = previous.num(`applications.carry_forward.${column}`);
    const found = ctx.num(cell);
    if (decimalCompare(expected, found) === 0) continue;
    issues.push({
      rule: "X-CARRY",
      severity: "warning",
      cell,
      expected,
      found,
      message: `「${label(ctx, cell)}」为 ${found}，上年报告「四、结转下年度继续办理」同列为 ${expected}，两者应相等。请核对。`,
    });
  }
  return issues;
}

export function ruleInForce(ctx: RuleContext): Issue[] {
  const previous = comparablePrevious(ctx);
  if (!previous || ctx.format.version !== "2021" || previous.format.version !== "2021") return [];
  const issues: Issue[] = [];
  for (const row of DOCUMENT_ROWS) {
    const base = previous.num(`active_disclosure.${row}.in_force`);
    const made = ctx.num(`active_disclosure.${row}.made`);
    const repealed = ctx.num(`active_disclosure.${row}.repealed`);
    const expected = decimalSub(decimalAdd(base, made), repealed);
    const cell = `active_disclosure.${row}.in_force`;
    const found = ctx.num(cell);
    if (decimalCompare(expected, found) === 0) continue;
    issues.push({
      rule: "X-INFORCE",
      severity: "warning",
      cell,
      expected,
      found,
      message:
        `「${label(ctx, cell)}」为 ${found}，按上年现行有效 ${base} + 本年制发 ${made} − 本年废止 ${repealed} 应为 ${expected}。` +
        "如因清理、重新统计等原因不一致，请写明说明。",
    });
  }
  return issues;
}

export function ruleItems(ctx: RuleContext): Issue[] {
  const previous = comparablePrevious(ctx);
  if (!previous || ctx.format.version !== "2019" || previous.format.version !== "2019") return [];
  const issues: Issue[] = [];
  for (const row of ITEM_ROWS_2019) {
    const base = previous.num(`active_disclosure.${row}.prev_year_items`);
    const change = previous.num(`active_disclosure.${row}.change`);
    const expected = decimalAdd(base, change);
    const cell = `active_disclosure.${row}.prev_year_items`;
    const found = ctx.num(cell);
    if (decimalCompare(expected, found) === 0) continue;
    issues.push({
      rule: "X-ITEMS",
      severity: "warning",
      cell,
      expected,
      found,
      message: `「${label(ctx, cell)}」为 ${found}，按上年报告的上一年项目数量 ${base} 加本年增/减 ${change} 应为 ${expected}。请核对。`,
    });
  }
  return issues;
}

export function rulePublishedTotal(ctx: RuleContext): Issue[] {
  if (ctx.format.version !== "2019") return [];
  const issues: Issue[] = [];
  for (const row of DOCUMENT_ROWS) {
    const cell = `active_disclosure.${row}.total_published`;
    const expected = ctx.num(`active_disclosure.${row}.new_published`);
    const found = ctx.num(cell);
    if (decimalCompare(found, expected) >= 0) continue;
    issues.push({
      rule: "X-PUBTOTAL",
      severity: "warning",
      cell,
      expected,
      found,
      message: `「${label(ctx, cell)}」为 ${found}，小于本年新公开数量 ${expected}。对外公开总数量应包含本年新公开的，请核对。`,
    });
  }
  return issues;
}
