// County roll-up (逐级汇总): sums the included unit reports cell by cell and checks a roll-up against them (ROLLUP).

import { decimalCompare, decimalSum } from "./decimal";
import { getFormat } from "./formats";
import { sanitise, sortIssues } from "./rule-context";
import type { CellValues, FormatDef, Issue, ReportData } from "./types";

/**
 * Input cells of the roll-up: the exact sum of the parts, blanks counting as 0. A cell blank in
 * every part stays blank, so the roll-up does not claim a 0 nobody reported. Parts of another
 * format version are ignored; validateRollup reports them.
 */
export function rollupValues(format: FormatDef, parts: ReportData[]): CellValues {
  const sanitised = parts.filter((p) => p.formatVersion === format.version).map((p) => sanitise(format, p.values));
  const values: CellValues = {};
  for (const cell of format.inputCells) {
    const present = sanitised.map((s) => s.values[cell.address]).filter((v): v is string => v !== null && v !== undefined);
    values[cell.address] = present.length === 0 ? null : decimalSum(present);
  }
  return values;
}

export function validateRollup(rollup: ReportData, parts: ReportData[]): Issue[] {
  const format = getFormat(rollup.formatVersion);
  const issues: Issue[] = [];
  for (const part of parts) {
    if (part.formatVersion !== rollup.formatVersion) {
      issues.push({
        rule: "ROLLUP",
        severity: "error",
        message: `「${part.unit.name}」${part.year} 年度报告使用 ${part.formatVersion} 年格式，与汇总报告的 ${rollup.formatVersion} 年格式不同，无法汇总。`,
      });
    }
  }
  const expectedValues = rollupValues(format, parts);
  const own = sanitise(format, rollup.values);
  for (const cell of format.inputCells) {
    const expected = expectedValues[cell.address] ?? "0";
    const found = own.num(cell.address);
    if (decimalCompare(expected, found) === 0) continue;
    issues.push({
      rule: "ROLLUP",
      severity: "error",
      cell: cell.address,
      expected,
      found,
      message: `汇总报告「${cell.accessibleName}」为 ${found}，所含各单位报告之和为 ${expected}。汇总数应等于各单位之和，请重新汇总。`,
    });
  }
  return sortIssues(format, issues);
}
