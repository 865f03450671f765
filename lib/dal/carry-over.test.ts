// Carry-over proposals only for blank cells, and only from the same unit's report of the year before.
import { describe, expect, it } from "vitest";
import { generateDemoSeries } from "@/db/demo-reports";
import { DEMO_FILERS } from "@/db/demo-units";
import { emptyValues, getFormat, type ReportData } from "@/lib/report-format";
import { carryOverProposals } from "./carry-over";

const unit = DEMO_FILERS.find((u) => u.code === "dingtang-town")!;
const [last] = generateDemoSeries(unit, [2025]);
const blank = (): ReportData => ({
  formatVersion: "2021",
  year: 2026,
  unit: { code: unit.code, name: unit.name },
  narratives: {},
  values: emptyValues(getFormat("2021")),
});

describe("carryOverProposals", () => {
  it("proposes 上年结转 per applicant column and 现行有效件数 from last year's report", () => {
    const proposals = carryOverProposals(blank(), last!);
    const cells = proposals.map((p) => p.cell);
    expect(cells).toEqual([
      "applications.carried_over.natural_person",
      "applications.carried_over.commercial",
      "applications.carried_over.research",
      "applications.carried_over.social_org",
      "applications.carried_over.legal_service",
      "applications.carried_over.other_org",
      "active_disclosure.regulations.in_force",
      "active_disclosure.normative_documents.in_force",
    ]);
    for (const p of proposals.filter((q) => q.cell.startsWith("applications."))) {
      expect(p.value).toBe(last!.values[p.cell.replace("carried_over", "carry_forward")]);
      expect(p.basis).toContain("结转下年度继续办理");
    }
  });

  it("leaves out cells the clerk has already filled, 0 included", () => {
    const current = blank();
    current.values["applications.carried_over.natural_person"] = "0";
    current.values["active_disclosure.regulations.in_force"] = "7";
    const cells = carryOverProposals(current, last!).map((p) => p.cell);
    expect(cells).not.toContain("applications.carried_over.natural_person");
    expect(cells).not.toContain("active_disclosure.regulations.in_force");
    expect(cells).toHaveLength(6);
  });

  it("proposes nothing without a report of the same unit for the year before", () => {
    expect(carryOverProposals(blank(), null)).toEqual([]);
    expect(carryOverProposals(blank(), { ...last!, year: 2024 })).toEqual([]);
    expect(carryOverProposals(blank(), { ...last!, unit: { code: "hexi-town", name: "同心县河西镇人民政府" } })).toEqual([]);
  });
});
