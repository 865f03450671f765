// Live cell references in narratives: finding, checking and substituting {{address}} tokens.

import { describe, expect, it } from "vitest";
import { getFormat } from "./formats";
import { BLANK_REF_TEXT, cellRefsIn, cellRefToken, substituteCellRefs, unknownCellRefs } from "./narrative-refs";

const format = getFormat("2021");
const TOTAL = "applications.new_received.total";
const FEE = "active_disclosure.admin_fees.amount";

describe("narrative cell references", () => {
  it("substitutes input and total cells with their exact values; blank prints （空）", () => {
    const text = `全年新收申请 ${cellRefToken(TOTAL)} 件，收费 ${cellRefToken(FEE)} 万元，结转 {{applications.carry_forward.total}} 件。`;
    const values = { [TOTAL]: "1234", [FEE]: "12.3456", "applications.carry_forward.total": null };
    expect(substituteCellRefs(format, text, values)).toBe(`全年新收申请 1234 件，收费 12.3456 万元，结转 ${BLANK_REF_TEXT} 件。`);
  });

  it("leaves unknown addresses and malformed tokens as typed, and reports the unknown ones", () => {
    const text = "{{applications.nothing.total}} {{ applications.new_received.total }} {{x}} <b>{{review_litigation.admin_review.total}}</b>";
    expect(substituteCellRefs(format, text, { "review_litigation.admin_review.total": "3" })).toBe(
      "{{applications.nothing.total}} {{ applications.new_received.total }} {{x}} <b>3</b>",
    );
    expect(unknownCellRefs(format, text)).toEqual(["applications.nothing.total"]);
  });

  it("lists the known references once each, in order", () => {
    expect(cellRefsIn(format, `${cellRefToken(FEE)} ${cellRefToken(TOTAL)} ${cellRefToken(FEE)}`)).toEqual([FEE, TOTAL]);
  });

  it("knows the addresses of the format: a 2019-only cell is unknown in 2021", () => {
    const cell = "active_disclosure.gov_procurement.total_amount";
    expect(unknownCellRefs(format, cellRefToken(cell))).toEqual([cell]);
    expect(substituteCellRefs(getFormat("2019"), cellRefToken(cell), { [cell]: "7730.28" })).toBe("7730.28");
  });
});
