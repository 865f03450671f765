// Table rules: T3-BAL, printed totals (T3-SUM, T3-ROW, T4-*), GEN-INT, GEN-FILLED, OTHER-HIGH.

import { allowedText } from "./cell-input";
import { decimalAdd, decimalCompare, decimalShift, decimalSub, decimalSum, isIntegerDecimal } from "./decimal";
import { otherHandlingRowsOf } from "./formats";
import type { RuleContext } from "./rule-context";
import { APPLICATION_COLUMNS } from "./table-applications";
import { REVIEW_GROUPS } from "./table-review";
import type { CellDef, Issue } from "./types";

function columnName(ctx: RuleContext, column: string): string {
  const label = ctx.format.cell(`applications.new_received.${column}`)?.columnLabel ?? column;
  return column === "total" ? `「${label}」列` : `申请人情况「${label}」列`;
}

export function ruleT3Balance(ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const column of APPLICATION_COLUMNS) {
    const inflow = decimalAdd(ctx.num(`applications.new_received.${column}`), ctx.num(`applications.carried_over.${column}`));
    const expected = decimalSub(inflow, ctx.num(`applications.results_total.${column}`));
    const cell = `applications.carry_forward.${column}`;
    const found = ctx.num(cell);
    if (decimalCompare(expected, found) === 0) continue;
    const negative = decimalCompare(expected, "0") < 0 ? "（为负数，说明办理结果各行之和大于新收与上年结转之和）" : "";
    const blank = column !== "total" && ctx.values[cell] === null ? "（空白按 0 计）" : "";
    issues.push({
      rule: "T3-BAL",
      severity: "error",
      cell,
      expected,
      found,
      message:
        `${columnName(ctx, column)}：一、本年新收 + 二、上年结转 应等于 （七）总计 + 四、结转下年度继续办理。` +
        `按已填数字，四、结转下年度继续办理应为 ${expected}${negative}，现为 ${found}${blank}，请核对。`,
    });
  }
  return issues;
}

function totalRule(cell: CellDef): { rule: string; what: string } {
  if (cell.table === "review_litigation") {
    const group = REVIEW_GROUPS.find((g) => g.row === cell.row);
    return { rule: group?.rule ?? "T4-REVIEW", what: "结果维持、结果纠正、其他结果、尚未审结四项之和" };
  }
  if (cell.row === "results_total") return { rule: "T3-SUM", what: "（一）至（六）各项办理结果之和" };
  return { rule: "T3-ROW", what: "自然人与法人或其他组织各列之和" };
}

/** Printed totals exist only on import; the report itself always shows the computed totals. */
export function rulePrintedTotals(ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const cell of ctx.format.cells) {
    if (cell.kind !== "total" || !(cell.address in ctx.printedTotals)) continue;
    const printed = ctx.printedTotals[cell.address];
    if (printed === null || printed === undefined || !isIntegerDecimal(printed)) continue;
    const expected = ctx.totals[cell.address];
    if (decimalCompare(printed, expected) === 0) continue;
    const { rule, what } = totalRule(cell);
    issues.push({
      rule,
      severity: "error",
      cell: cell.address,
      expected,
      found: printed,
      message: `「${cell.accessibleName}」应为${what} ${expected}，原表填报为 ${printed}。系统按计算值 ${expected} 显示，请核对原表。`,
    });
  }
  return issues;
}

export function ruleGenInt(ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const cell of ctx.format.cells) {
    const found = ctx.invalid[cell.address];
    if (found === undefined) continue;
    const message =
      cell.kind === "total"
        ? `原表「${cell.accessibleName}」（合计）填写的“${found}”不是有效数字，系统按计算值 ${ctx.totals[cell.address]} 显示。`
        : `「${cell.accessibleName}」填写的“${found}”无效，已按空白处理：${allowedText(cell)}。`;
    issues.push({ rule: "GEN-INT", severity: "error", cell: cell.address, found, message });
  }
  return issues;
}

export function ruleGenFilled(ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  for (const cell of ctx.format.cells) {
    if (ctx.invalid[cell.address] !== undefined) continue;
    if (cell.kind === "total") {
      if (cell.address in ctx.printedTotals && ctx.printedTotals[cell.address] === null) {
        issues.push({
          rule: "GEN-FILLED",
          severity: "warning",
          cell: cell.address,
          message: `原表「${cell.accessibleName}」（合计）为空白，系统按计算值 ${ctx.totals[cell.address]} 显示。`,
        });
      }
    } else if (ctx.values[cell.address] === null) {
      issues.push({
        rule: "GEN-FILLED",
        severity: "warning",
        cell: cell.address,
        message: `「${cell.accessibleName}」为空白。没有发生请填 0（空白不等于 0）。`,
      });
    }
  }
  return issues;
}

export function ruleOtherHigh(ctx: RuleContext): Issue[] {
  const total = ctx.num("applications.results_total.total");
  if (decimalCompare(total, "10") < 0) return [];
  const rows = otherHandlingRowsOf(ctx.format);
  const other = decimalSum(rows.map((r) => ctx.num(`applications.${r}.total`)));
  if (decimalCompare(decimalShift(other, 1), total) <= 0) return [];
  const tenths = (BigInt(other) * 1000n) / BigInt(total);
  const percent = `${tenths / 10n}.${tenths % 10n}`.replace(/\.0$/, "");
  const maximum = (BigInt(total) / 10n).toString();
  return [
    {
      rule: "OTHER-HIGH",
      severity: "warning",
      cell: `applications.${rows[0]}.total`,
      expected: maximum,
      found: other,
      message:
        `（六）其他处理共 ${other} 件，占（七）总计 ${total} 件的 ${percent}%，超过 10%（不超过 ${maximum} 件）。` +
        "其他处理只应用于极少数特殊情况，请核对能否归入（一）至（五）的具体情形，或写明原因。",
    },
  ];
}
