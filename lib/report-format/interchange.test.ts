// parseInterchange / serializeInterchange: fixtures, historical quirks (each with its exact issues), refusals.

import { describe, expect, it } from "vitest";
import { InterchangeError } from "./interchange-cell";
import { parseInterchange } from "./interchange-parse";
import { serializeInterchange } from "./interchange-serialize";
import { brief, fixture, ofRule, setCell } from "@/tests/support/report-format";

function errorOf(input: unknown): InterchangeError {
  try {
    parseInterchange(input);
  } catch (error) {
    if (error instanceof InterchangeError) return error;
    throw error;
  }
  throw new Error("parseInterchange accepted the document");
}

describe("fixtures", () => {
  it("parses the 同心县 2019 report without issues; its s1 figure (4 件) matches the table", () => {
    const parsed = parseInterchange(fixture("tongxin-2019"));
    expect(parsed.issues).toEqual([]);
    expect(parsed.report.values["applications.new_received.natural_person"]).toBe("4");
    expect(parsed.report.narratives.s1).toContain("收到政府信息依申请公开 4 件");
    expect(parsed.printedTotals["applications.results_total.total"]).toBe("4");
  });

  it("parses blank-2019 with no issue and blank-2021 with no error", () => {
    expect(parseInterchange(fixture("blank-2019")).issues).toEqual([]);
    const issues2021 = parseInterchange(fixture("blank-2021")).issues;
    expect(issues2021.filter((i) => i.severity === "error")).toEqual([]);
    expect(issues2021.map((i) => i.rule)).toEqual(["NARR-FEE"]);
  });

  it("serialises back to the same document, key order included", () => {
    for (const name of ["tongxin-2019", "blank-2019", "blank-2021"] as const) {
      const doc = fixture(name);
      expect(JSON.stringify(serializeInterchange(parseInterchange(doc).report))).toBe(JSON.stringify(doc));
    }
  });
});

describe("historical quirks", () => {
  it("（七）总计 not the sum of the result rows → T3-SUM", () => {
    const doc = fixture("blank-2019");
    Object.assign(doc.applications.new_received, { natural_person: 3, total: 3 });
    Object.assign(doc.applications.granted, { natural_person: 3, total: 3 });
    Object.assign(doc.applications.results_total, { natural_person: 2, total: 3 });
    const parsed = parseInterchange(doc);
    expect(parsed.issues.map(brief)).toEqual([
      { rule: "T3-SUM", severity: "error", cell: "applications.results_total.natural_person", expected: "3", found: "2" },
    ]);
    expect(parsed.printedTotals["applications.results_total.natural_person"]).toBe("2");
  });

  it("行政复议 总计 0 beside non-zero results → T4-REVIEW", () => {
    const doc = fixture("blank-2021");
    doc.narratives.s6 = "未收取信息处理费。";
    Object.assign(doc.review_litigation.admin_review, { upheld: 2, corrected: 1, total: 0 });
    expect(parseInterchange(doc).issues.map(brief)).toEqual([
      { rule: "T4-REVIEW", severity: "error", cell: "review_litigation.admin_review.total", expected: "3", found: "0" },
    ]);
  });

  it("blank 总计 cells → GEN-FILLED, not T3-ROW", () => {
    const doc = fixture("blank-2019");
    doc.applications.new_received.total = null;
    doc.applications.results_total.total = null;
    doc.review_litigation.admin_review.total = null;
    expect(parseInterchange(doc).issues.map(brief)).toEqual([
      { rule: "GEN-FILLED", severity: "warning", cell: "applications.new_received.total" },
      { rule: "GEN-FILLED", severity: "warning", cell: "applications.results_total.total" },
      { rule: "GEN-FILLED", severity: "warning", cell: "review_litigation.admin_review.total" },
    ]);
  });

  it("a 2021 report printing one （六） row → mapped to 3.其他, GEN-STRUCT, the two missing rows blank", () => {
    const doc = fixture("blank-2021");
    doc.narratives.s6 = "未收取信息处理费。";
    const apps = doc.applications;
    delete apps.other_no_correction;
    delete apps.other_fee_unpaid;
    delete apps.other_other;
    const row = { natural_person: 1, commercial: 0, research: 0, social_org: 0, legal_service: 0, other_org: 0, total: 1 };
    const rebuilt: Record<string, Record<string, unknown>> = {};
    for (const [key, value] of Object.entries(apps)) {
      if (key === "results_total") rebuilt.other_handling = row;
      rebuilt[key] = value;
    }
    doc.applications = rebuilt;
    Object.assign(doc.applications.new_received, { natural_person: 1, total: 1 });
    Object.assign(doc.applications.results_total, { natural_person: 1, total: 1 });
    const parsed = parseInterchange(doc);
    expect(parsed.report.values["applications.other_other.natural_person"]).toBe("1");
    expect(parsed.report.values["applications.other_no_correction.natural_person"]).toBeNull();
    const blanks = ["other_no_correction", "other_fee_unpaid"].flatMap((r) =>
      ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org"].map((c) => ({
        rule: "GEN-FILLED",
        severity: "warning",
        cell: `applications.${r}.${c}`,
      })),
    );
    expect(parsed.issues.map(brief)).toEqual([{ rule: "GEN-STRUCT", severity: "warning" }, ...blanks]);
    expect(parsed.issues[0].message).toContain("3.其他");
  });

  it.each([
    ["text", "applications", "granted", "commercial", "无", "无"],
    ["a negative count", "review_litigation", "admin_review", "other", -1, "-1"],
    ["1.5", "active_disclosure", "regulations", "new_made", 1.5, "1.5"],
  ] as const)("%s in a count → GEN-INT with the text found; the cell is blank", (_name, table, row, column, value, found) => {
    const doc = fixture("blank-2019");
    setCell(doc, table, row, column, value);
    const parsed = parseInterchange(doc);
    const cell = `${table}.${row}.${column}`;
    expect(parsed.issues.map(brief)).toEqual([{ rule: "GEN-INT", severity: "error", cell, found }]);
    expect(parsed.report.values[cell]).toBeNull();
    expect(parsed.invalidCells).toEqual({ [cell]: found });
  });

  it("采购总金额 in 万元 → converted exactly to 元, recorded, raw kept", () => {
    const doc = fixture("blank-2019");
    doc.active_disclosure.gov_procurement.total_amount = { value: "7539.443252", unit: "万元", raw: "7539.443252万元" };
    const parsed = parseInterchange(doc);
    expect(parsed.issues).toEqual([]);
    expect(parsed.report.values["active_disclosure.gov_procurement.total_amount"]).toBe("75394432.52");
    expect(parsed.conversions).toEqual([
      { cell: "active_disclosure.gov_procurement.total_amount", from: "7539.443252万元", to: "75394432.52元" },
    ]);
    expect(parsed.raw).toEqual({ "active_disclosure.gov_procurement.total_amount": "7539.443252万元" });
    const exported = serializeInterchange(parsed.report) as { active_disclosure: { gov_procurement: { total_amount: unknown } } };
    expect(exported.active_disclosure.gov_procurement.total_amount).toEqual({ value: "75394432.52", unit: "元" });
  });

  it("收费金额 in 元 with too many decimals for 万元 → GEN-INT, never rounded", () => {
    const doc = fixture("blank-2021");
    doc.narratives.s6 = "未收取信息处理费。";
    doc.active_disclosure.admin_fees.amount = { value: "1.234", unit: "元" };
    expect(parseInterchange(doc).issues.map(brief)).toEqual([
      { rule: "GEN-INT", severity: "error", cell: "active_disclosure.admin_fees.amount", found: "1.234元" },
    ]);
  });

  it("unknown rows and columns → GEN-STRUCT, ignored", () => {
    const doc = fixture("blank-2019");
    doc.applications.other_other = { natural_person: 0 };
    (doc.applications.granted as Record<string, unknown>).legal_person = 0;
    expect(ofRule(parseInterchange(doc).issues, "GEN-STRUCT")).toHaveLength(2);
  });
});

describe("refusals (InterchangeError)", () => {
  it.each([
    ["not an object", [], ""],
    ["wrong schema", { ...fixture("blank-2019"), schema: "gov-open-report/v2" }, "schema"],
    ["missing format_version", { ...fixture("blank-2019"), format_version: undefined }, "format_version"],
    ["unknown format_version", { ...fixture("blank-2019"), format_version: "2020" }, "format_version"],
    ["year as text", { ...fixture("blank-2019"), year: "2019" }, "year"],
    ["fractional year", { ...fixture("blank-2019"), year: 2019.5 }, "year"],
    ["unit missing", { ...fixture("blank-2019"), unit: undefined }, "unit"],
    ["unit name empty", { ...fixture("blank-2019"), unit: { code: "x", name: " " } }, "unit.name"],
    ["table not an object", { ...fixture("blank-2019"), applications: [] }, "applications"],
    ["narrative not text", { ...fixture("blank-2019"), narratives: { s1: 3 } }, "narratives.s1"],
  ])("%s", (_name, input, path) => {
    const error = errorOf(input);
    expect(error.path).toBe(path);
    expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageEn).toMatch(/[a-z]/);
  });

  it("names the cell path when a cell is not a value", () => {
    const doc = fixture("blank-2021");
    doc.applications.new_received.natural_person = [1];
    expect(errorOf(doc).path).toBe("applications.new_received.natural_person");
    doc.applications.new_received.natural_person = { amount: 1 };
    expect(errorOf(doc).path).toBe("applications.new_received.natural_person");
  });
});
