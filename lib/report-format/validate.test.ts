// Every rule of interchange.md §3 except ROLLUP (rollup.test.ts) and the X-* rules (rules-cross.test.ts): a passing and a failing case each.

import { describe, expect, it } from "vitest";
import { brief, ofRule, zeroReport } from "@/tests/support/report-format";
import { countBySeverity, validateReport } from "./validate";

describe("T3-BAL", () => {
  it("passes when 一 + 二 = （七） + 四 in every column", () => {
    const report = zeroReport("2019", {
      "applications.new_received.natural_person": "5",
      "applications.carried_over.natural_person": "1",
      "applications.granted.natural_person": "3",
      "applications.carry_forward.natural_person": "3",
    });
    expect(validateReport(report)).toEqual([]);
  });

  it("fails at carry_forward of the column and of 总计, with the expected carry-forward", () => {
    const report = zeroReport("2019", {
      "applications.new_received.natural_person": "5",
      "applications.granted.natural_person": "2",
      "applications.carry_forward.natural_person": "5",
    });
    const issues = validateReport(report);
    expect(issues.map(brief)).toEqual([
      { rule: "T3-BAL", severity: "error", cell: "applications.carry_forward.natural_person", expected: "3", found: "5" },
      { rule: "T3-BAL", severity: "error", cell: "applications.carry_forward.total", expected: "3", found: "5" },
    ]);
    expect(issues[0].message).toBe(
      "申请人情况「自然人」列：一、本年新收 + 二、上年结转 应等于 （七）总计 + 四、结转下年度继续办理。按已填数字，四、结转下年度继续办理应为 3，现为 5，请核对。",
    );
    expect(issues[1].message).toMatch(/^「总计」列：/);
  });

  it("reports a negative expected value when the result rows are too large", () => {
    const report = zeroReport("2021", { "applications.denied_state_secret.research": "2" });
    expect(ofRule(validateReport(report), "T3-BAL").map(brief)[0]).toEqual({
      rule: "T3-BAL",
      severity: "error",
      cell: "applications.carry_forward.research",
      expected: "-2",
      found: "0",
    });
  });
});

describe("printed totals: T3-SUM, T3-ROW, T4-*", () => {
  const report = zeroReport("2019", {
    "applications.new_received.natural_person": "26",
    "applications.granted.natural_person": "26",
    "review_litigation.admin_review.upheld": "2",
    "review_litigation.litigation_direct.corrected": "1",
    "review_litigation.litigation_after_review.pending": "4",
  });

  it("pass when printed totals equal the computed ones", () => {
    const printedTotals = {
      "applications.results_total.natural_person": "26",
      "applications.new_received.total": "26",
      "review_litigation.admin_review.total": "2",
    };
    expect(validateReport(report, { printedTotals })).toEqual([]);
  });

  it("fail once per printed total that differs", () => {
    const printedTotals = {
      "applications.new_received.total": "3",
      "applications.results_total.natural_person": "20",
      "review_litigation.admin_review.total": "0",
      "review_litigation.litigation_direct.total": "2",
      "review_litigation.litigation_after_review.total": "0",
    };
    const issues = validateReport(report, { printedTotals });
    expect(issues.map(brief)).toEqual([
      { rule: "T3-ROW", severity: "error", cell: "applications.new_received.total", expected: "26", found: "3" },
      { rule: "T3-SUM", severity: "error", cell: "applications.results_total.natural_person", expected: "26", found: "20" },
      { rule: "T4-REVIEW", severity: "error", cell: "review_litigation.admin_review.total", expected: "2", found: "0" },
      { rule: "T4-DIRECT", severity: "error", cell: "review_litigation.litigation_direct.total", expected: "1", found: "2" },
      { rule: "T4-AFTER", severity: "error", cell: "review_litigation.litigation_after_review.total", expected: "4", found: "0" },
    ]);
    expect(issues[1].message).toContain("「（七）总计 自然人」");
  });
});

describe("GEN-INT", () => {
  it("passes for valid values, including a negative 本年增/减", () => {
    expect(validateReport(zeroReport("2019", { "active_disclosure.admin_penalty.change": "-18" }))).toEqual([]);
  });

  it("fails for invalid stored values and for cells flagged on import; the cell counts as blank", () => {
    const report = zeroReport("2019", { "applications.granted.commercial": "1.5" });
    const issues = validateReport(report, { invalidCells: { "review_litigation.admin_review.other": "-1" } });
    expect(issues.map(brief)).toEqual([
      { rule: "GEN-INT", severity: "error", cell: "applications.granted.commercial", found: "1.5" },
      { rule: "GEN-INT", severity: "error", cell: "review_litigation.admin_review.other", found: "-1" },
    ]);
    expect(issues[0].message).toBe(
      "「（一）予以公开 法人或其他组织 商业企业」填写的“1.5”无效，已按空白处理：请填写 0 到 999999999999 之间的整数，没有发生请填 0。",
    );
  });
});

describe("GEN-FILLED", () => {
  it("passes when nothing is blank", () => {
    expect(ofRule(validateReport(zeroReport("2021")), "GEN-FILLED")).toEqual([]);
  });

  it("warns once per blank input cell and per blank printed total", () => {
    const report = zeroReport("2021", { "active_disclosure.admin_fees.amount": null });
    const issues = validateReport(report, { printedTotals: { "applications.results_total.total": null } });
    expect(issues.map(brief)).toEqual([
      { rule: "GEN-FILLED", severity: "warning", cell: "active_disclosure.admin_fees.amount" },
      { rule: "GEN-FILLED", severity: "warning", cell: "applications.results_total.total" },
    ]);
    expect(countBySeverity(issues)).toEqual({ errors: 0, warnings: 2 });
  });
});

describe("NARR-LEN (2021)", () => {
  const long = (n: number): string => "字".repeat(n);

  it("passes at 1000 characters not counting white space", () => {
    const report = zeroReport("2021", {}, { narratives: { s1: `${long(500)}\n\n ${long(500)}  `, s6: "未收取信息处理费" } });
    expect(validateReport(report)).toEqual([]);
  });

  it("warns above 1000 characters", () => {
    const report = zeroReport("2021", {}, { narratives: { s1: long(1001), s6: "未收取信息处理费" } });
    expect(validateReport(report).map(brief)).toEqual([
      { rule: "NARR-LEN", severity: "warning", cell: "narratives.s1", expected: "1000", found: "1001" },
    ]);
  });

  it("does not apply to the 2019 format", () => {
    expect(validateReport(zeroReport("2019", {}, { narratives: { s1: long(2000) } }))).toEqual([]);
  });
});

describe("NARR-FEE (2021)", () => {
  it("passes when s6 mentions 处理费", () => {
    expect(validateReport(zeroReport("2021", {}, { narratives: { s6: "本年度收取处理费 0 元。" } }))).toEqual([]);
  });

  it("warns when s6 does not mention 信息处理费", () => {
    expect(validateReport(zeroReport("2021", {}, { narratives: { s6: "无。" } })).map(brief)).toEqual([
      { rule: "NARR-FEE", severity: "warning", cell: "narratives.s6" },
    ]);
  });
});

describe("NARR-NUM", () => {
  const values = {
    "applications.new_received.natural_person": "90",
    "applications.new_received.commercial": "5",
    "applications.granted.natural_person": "90",
    "applications.granted.commercial": "5",
  };

  it("passes when the quoted figure equals 一、本年新收 总计", () => {
    const report = zeroReport("2019", values, { narratives: { s1: "2023年，共受理政府信息公开申请 95 件；收到来信 54 件。" } });
    expect(validateReport(report)).toEqual([]);
  });

  it("warns when the quoted figure differs", () => {
    const report = zeroReport("2019", values, { narratives: { s1: "全年新收依申请公开17件，均按时答复。" } });
    expect(validateReport(report).map(brief)).toEqual([
      { rule: "NARR-NUM", severity: "warning", cell: "narratives.s1", expected: "95", found: "17" },
    ]);
  });
});

describe("OTHER-HIGH", () => {
  const base = {
    "applications.new_received.natural_person": "10",
    "applications.granted.natural_person": "9",
  };

  it("passes at exactly 10 %", () => {
    expect(validateReport(zeroReport("2019", { ...base, "applications.other_handling.natural_person": "1" }))).toEqual([]);
  });

  it("passes below 10 results whatever the share", () => {
    const report = zeroReport("2021", {
      "applications.new_received.natural_person": "9",
      "applications.other_other.natural_person": "9",
    });
    expect(validateReport(report)).toEqual([]);
  });

  it("warns above 10 % (2021: the three （六） rows together)", () => {
    const report = zeroReport("2021", {
      "applications.new_received.natural_person": "9",
      "applications.new_received.commercial": "1",
      "applications.granted.natural_person": "8",
      "applications.other_fee_unpaid.natural_person": "1",
      "applications.other_other.commercial": "1",
    });
    expect(validateReport(report).map(brief)).toEqual([
      { rule: "OTHER-HIGH", severity: "warning", cell: "applications.other_no_correction.total", expected: "1", found: "2" },
    ]);
  });
});

describe("ordering", () => {
  it("sorts by print position (narrative s1 first, s6 last), then rule order", () => {
    const report = zeroReport("2021", {
      "applications.granted.natural_person": "1",
      "applications.carry_forward.natural_person": null,
    }, { narratives: { s1: "收到申请 4 件。", s6: "" } });
    expect(validateReport(report).map((i) => `${i.rule} ${i.cell ?? ""}`)).toEqual([
      "NARR-NUM narratives.s1",
      "T3-BAL applications.carry_forward.natural_person",
      "GEN-FILLED applications.carry_forward.natural_person",
      "T3-BAL applications.carry_forward.total",
      "NARR-FEE narratives.s6",
    ]);
  });
});
