// Narrative rules: NARR-LEN and NARR-FEE (2021 only) and NARR-NUM (both formats).

import { quotedApplicationFigures, narrativeLength } from "./narrative";
import type { RuleContext } from "./rule-context";
import type { Issue } from "./types";

export const NARRATIVE_MAX_LENGTH = 1000;

export function ruleNarrativeLength(ctx: RuleContext): Issue[] {
  if (ctx.format.version !== "2021") return [];
  const length = narrativeLength(ctx.report.narratives.s1 ?? "");
  if (length <= NARRATIVE_MAX_LENGTH) return [];
  return [
    {
      rule: "NARR-LEN",
      severity: "warning",
      cell: "narratives.s1",
      expected: String(NARRATIVE_MAX_LENGTH),
      found: String(length),
      message: `「一、总体情况」不计空白共 ${length} 字，超过 ${NARRATIVE_MAX_LENGTH} 字。2021 年格式要求篇幅原则上不超过一千字，请精简或说明原因。`,
    },
  ];
}

export function ruleNarrativeFee(ctx: RuleContext): Issue[] {
  if (ctx.format.version !== "2021") return [];
  // "信息处理费" contains "处理费", so one test covers both wordings the rule accepts.
  if ((ctx.report.narratives.s6 ?? "").includes("处理费")) return [];
  return [
    {
      rule: "NARR-FEE",
      severity: "warning",
      cell: "narratives.s6",
      message:
        "「六、其他需要报告的事项」未说明信息处理费的收取情况。2021 年格式要求在此专门报告（未收取的也请写明，如“本年度未收取信息处理费”）。",
    },
  ];
}

export function ruleNarrativeNumbers(ctx: RuleContext): Issue[] {
  const expected = ctx.num("applications.new_received.total");
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const found of quotedApplicationFigures(ctx.report.narratives.s1 ?? "")) {
    if (found === expected || seen.has(found)) continue;
    seen.add(found);
    issues.push({
      rule: "NARR-NUM",
      severity: "warning",
      cell: "narratives.s1",
      expected,
      found,
      message: `「一、总体情况」写收到申请 ${found} 件，但表格「一、本年新收政府信息公开申请数量 总计」为 ${expected}。请核对文字与表格是否一致。`,
    });
  }
  return issues;
}
