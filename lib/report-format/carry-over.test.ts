// proposeCarryOver: proposals agree with X-CARRY and X-ITEMS, and document the X-INFORCE base.

import { describe, expect, it } from "vitest";
import { expectedInForce, proposeCarryOver } from "./carry-over";
import { getFormat } from "./formats";
import { zeroReport } from "@/tests/support/report-format";
import { validateReport } from "./validate";

describe("proposeCarryOver", () => {
  it("2019 → 2019: 上年结转 and 上一年项目数量; applying them satisfies X-CARRY and X-ITEMS", () => {
    const previous = zeroReport("2019", {
      "applications.new_received.commercial": "2",
      "applications.carry_forward.commercial": "2",
      "active_disclosure.admin_penalty.prev_year_items": "40",
      "active_disclosure.admin_penalty.change": "-18",
      "active_disclosure.admin_fees.change": null,
    });
    const proposals = proposeCarryOver(previous, getFormat("2019"));
    expect(proposals).toContainEqual({
      cell: "applications.carried_over.commercial",
      value: "2",
      basis: "上年「四、结转下年度继续办理」商业企业",
    });
    expect(proposals).toContainEqual(expect.objectContaining({ cell: "active_disclosure.admin_penalty.prev_year_items", value: "22" }));
    expect(proposals.some((p) => p.cell === "active_disclosure.admin_fees.prev_year_items")).toBe(false);

    const current = zeroReport("2019", { "applications.granted.commercial": "2" }, { year: 2020 });
    for (const p of proposals) current.values[p.cell] = p.value;
    expect(validateReport(current, { previous })).toEqual([]);
  });

  it("2021 → 2021: proposes last 现行有效件数 as the base", () => {
    const previous = zeroReport("2021", { "active_disclosure.normative_documents.in_force": "31" });
    const proposals = proposeCarryOver(previous, getFormat("2021"));
    expect(proposals).toContainEqual({
      cell: "active_disclosure.normative_documents.in_force",
      value: "31",
      basis: "上年「现行有效件数」（还应加本年制发件数、减本年废止件数）",
    });
    const current = zeroReport("2021", {}, { year: 2022 });
    for (const p of proposals) current.values[p.cell] = p.value;
    expect(validateReport(current, { previous })).toEqual([]);
  });

  it("2020 (2019 format) → 2021: only the T3 carry-over", () => {
    const previous = zeroReport("2019", {}, { year: 2020 });
    const cells = proposeCarryOver(previous, getFormat("2021")).map((p) => p.cell);
    expect(cells).toHaveLength(6);
    expect(cells.every((c) => c.startsWith("applications.carried_over."))).toBe(true);
  });
});

describe("expectedInForce", () => {
  it("adds this year's 制发 and subtracts 废止 from last year's 现行有效件数", () => {
    const previous = zeroReport("2021", { "active_disclosure.regulations.in_force": "10" });
    const current = zeroReport("2021", { "active_disclosure.regulations.made": "3", "active_disclosure.regulations.repealed": "1" }).values;
    expect(expectedInForce(previous, current, "regulations")).toBe("12");
    expect(expectedInForce(zeroReport("2019"), current, "regulations")).toBeNull();
  });
});
