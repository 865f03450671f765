// The form's view of carry-over proposals: pending cells, the live 现行有效件数, and their X-* checks.
import { describe, expect, it } from "vitest";
import { emptyValues, getFormat, proposeCarryOver, validateReport, type ReportData } from "@/lib/report-format";
import { initialPending, shownProposals, withoutSettledCrossChecks } from "./carry-over-view";

const format = getFormat("2021");
const unit = { code: "u", name: "某镇人民政府" };
const previous: ReportData = { formatVersion: "2021", year: 2025, unit, narratives: {}, values: emptyValues(format) };
previous.values["applications.carry_forward.natural_person"] = "2";
previous.values["active_disclosure.normative_documents.in_force"] = "5";
const proposals = proposeCarryOver(previous, format);
const blankText = (): Record<string, string> => Object.fromEntries(format.inputCells.map((c) => [c.address, ""]));

describe("carry-over proposals in the form", () => {
  it("are pending only for cells blank on screen", () => {
    const text = blankText();
    text["applications.carried_over.natural_person"] = "0";
    expect(Object.keys(initialPending(proposals, text))).toEqual(["active_disclosure.normative_documents.in_force"]);
    expect(Object.keys(initialPending(proposals, blankText()))).toHaveLength(2);
  });

  it("show 现行有效件数 as last year's figure plus 制发 minus 废止 once they are entered", () => {
    const pending = initialPending(proposals, blankText());
    const values = emptyValues(format);
    expect(shownProposals(pending, blankText(), values, previous)["active_disclosure.normative_documents.in_force"]?.value).toBe("5");
    values["active_disclosure.normative_documents.made"] = "3";
    values["active_disclosure.normative_documents.repealed"] = "1";
    const shown = shownProposals(pending, blankText(), values, previous)["active_disclosure.normative_documents.in_force"];
    expect(shown).toEqual({ value: "7", basis: "上年「现行有效件数」5 + 本年制发 3 − 本年废止 1" });
    values["active_disclosure.normative_documents.repealed"] = "9";
    expect(shownProposals(pending, blankText(), values, previous)["active_disclosure.normative_documents.in_force"]).toBeUndefined();
  });

  it("hide a proposal as soon as something is typed into its cell", () => {
    const pending = initialPending(proposals, blankText());
    const text = blankText();
    text["applications.carried_over.natural_person"] = "4";
    expect(Object.keys(shownProposals(pending, text, emptyValues(format), previous))).toEqual(["active_disclosure.normative_documents.in_force"]);
  });

  it("settle the X-* issue of a proposed cell only when the proposal is what the rule expects", () => {
    const values = emptyValues(format);
    const shown = shownProposals(initialPending(proposals, blankText()), blankText(), values, previous);
    const report: ReportData = { formatVersion: "2021", year: 2026, unit, narratives: {}, values };
    const issues = validateReport(report, { previous });
    const carry = issues.filter((i) => i.rule === "X-CARRY");
    expect(carry.map((i) => i.cell)).toEqual(["applications.carried_over.natural_person"]);
    const kept = withoutSettledCrossChecks(issues, shown);
    expect(kept.filter((i) => i.rule.startsWith("X-"))).toEqual([]);
    // Blank stays blank for every other rule.
    expect(kept.filter((i) => i.rule === "GEN-FILLED" && i.cell === "applications.carried_over.natural_person")).toHaveLength(1);
    const wrong = { ...shown, "applications.carried_over.natural_person": { value: "9", basis: "" } };
    expect(withoutSettledCrossChecks(issues, wrong).filter((i) => i.rule === "X-CARRY")).toHaveLength(1);
  });
});
