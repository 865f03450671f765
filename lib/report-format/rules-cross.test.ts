// Cross-report rules (X-CARRY, X-INFORCE, X-ITEMS) and X-PUBTOTAL: one passing and one failing case each.

import { describe, expect, it } from "vitest";
import { brief, zeroReport } from "@/tests/support/report-format";
import { validateReport } from "./validate";

describe("X-CARRY", () => {
  const previous = zeroReport("2019", {
    "applications.new_received.natural_person": "3",
    "applications.carry_forward.natural_person": "3",
  }, { year: 2020 });

  it("passes when 二、上年结转 equals last year's 四、结转下年度继续办理 (also across 2020 → 2021)", () => {
    const report = zeroReport("2021", {
      "applications.carried_over.natural_person": "3",
      "applications.granted.natural_person": "3",
    });
    expect(validateReport(report, { previous })).toEqual([]);
  });

  it("warns per column that differs", () => {
    const report = zeroReport("2021", {
      "applications.carried_over.natural_person": "2",
      "applications.granted.natural_person": "2",
    });
    expect(validateReport(report, { previous }).map(brief)).toEqual([
      { rule: "X-CARRY", severity: "warning", cell: "applications.carried_over.natural_person", expected: "3", found: "2" },
    ]);
  });

  it("ignores a report of another unit or a non-consecutive year", () => {
    const report = zeroReport("2021");
    expect(validateReport(report, { previous: { ...previous, unit: { code: "other", name: "其他" } } })).toEqual([]);
    expect(validateReport(report, { previous: { ...previous, year: 2019 } })).toEqual([]);
  });
});

describe("X-INFORCE (2021)", () => {
  const previous = zeroReport("2021", { "active_disclosure.regulations.in_force": "10" }, { year: 2021 });
  const current = (inForce: string) =>
    zeroReport("2021", {
      "active_disclosure.regulations.made": "3",
      "active_disclosure.regulations.repealed": "1",
      "active_disclosure.regulations.in_force": inForce,
    }, { year: 2022 });

  it("passes when 现行有效 = last + 制发 − 废止", () => {
    expect(validateReport(current("12"), { previous })).toEqual([]);
  });

  it("warns otherwise", () => {
    expect(validateReport(current("13"), { previous }).map(brief)).toEqual([
      { rule: "X-INFORCE", severity: "warning", cell: "active_disclosure.regulations.in_force", expected: "12", found: "13" },
    ]);
  });
});

describe("X-ITEMS (2019)", () => {
  const previous = zeroReport("2019", {
    "active_disclosure.admin_penalty.prev_year_items": "40",
    "active_disclosure.admin_penalty.change": "-18",
  });
  const current = (items: string) => zeroReport("2019", { "active_disclosure.admin_penalty.prev_year_items": items }, { year: 2020 });

  it("passes when 上一年项目数量 = last 上一年项目数量 + last 本年增/减", () => {
    expect(validateReport(current("22"), { previous })).toEqual([]);
  });

  it("warns otherwise", () => {
    expect(validateReport(current("40"), { previous }).map(brief)).toEqual([
      { rule: "X-ITEMS", severity: "warning", cell: "active_disclosure.admin_penalty.prev_year_items", expected: "22", found: "40" },
    ]);
  });
});

describe("X-PUBTOTAL (2019)", () => {
  it("passes when 对外公开总数量 ≥ 本年新公开数量", () => {
    const report = zeroReport("2019", {
      "active_disclosure.normative_documents.new_published": "5",
      "active_disclosure.normative_documents.total_published": "5",
    });
    expect(validateReport(report)).toEqual([]);
  });

  it("warns when 对外公开总数量 < 本年新公开数量", () => {
    const report = zeroReport("2019", {
      "active_disclosure.normative_documents.new_published": "5",
      "active_disclosure.normative_documents.total_published": "4",
    });
    expect(validateReport(report).map(brief)).toEqual([
      { rule: "X-PUBTOTAL", severity: "warning", cell: "active_disclosure.normative_documents.total_published", expected: "5", found: "4" },
    ]);
  });
});
