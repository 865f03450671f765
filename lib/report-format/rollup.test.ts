// ROLLUP: a roll-up's input cells equal the exact sum of the included unit reports.

import { describe, expect, it } from "vitest";
import { getFormat } from "./formats";
import { rollupValues, validateRollup } from "./rollup";
import { brief, zeroReport } from "@/tests/support/report-format";

describe("ROLLUP", () => {
  const a = zeroReport("2021", { "active_disclosure.admin_fees.amount": "5949.088667", "applications.granted.natural_person": "2", "applications.new_received.natural_person": "2" });
  const b = zeroReport("2021", { "active_disclosure.admin_fees.amount": "0.911333", "active_disclosure.admin_licensing.decisions": null });

  it("passes for the summed report", () => {
    const rollup = zeroReport("2021", {}, { values: rollupValues(getFormat("2021"), [a, b]) });
    expect(rollup.values["active_disclosure.admin_fees.amount"]).toBe("5950");
    expect(validateRollup(rollup, [a, b])).toEqual([]);
  });

  it("fails per cell that differs", () => {
    const rollup = zeroReport("2021", { "active_disclosure.admin_fees.amount": "5950.1", "applications.new_received.natural_person": "2", "applications.granted.natural_person": "2" });
    expect(validateRollup(rollup, [a, b]).map(brief)).toEqual([
      { rule: "ROLLUP", severity: "error", cell: "active_disclosure.admin_fees.amount", expected: "5950", found: "5950.1" },
    ]);
  });

  it("keeps a cell blank only when every part left it blank", () => {
    const values = rollupValues(getFormat("2021"), [b, zeroReport("2021", { "active_disclosure.admin_licensing.decisions": null })]);
    expect(values["active_disclosure.admin_licensing.decisions"]).toBeNull();
    expect(rollupValues(getFormat("2021"), [a, b])["active_disclosure.admin_licensing.decisions"]).toBe("0");
  });

  it("refuses parts of another format version", () => {
    const rollup = zeroReport("2021");
    expect(validateRollup(rollup, [zeroReport("2019")]).map(brief)).toEqual([{ rule: "ROLLUP", severity: "error" }]);
  });
});
