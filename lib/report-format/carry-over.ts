// Proposals for a new year's cells from last year's report, consistent with X-CARRY, X-ITEMS and X-INFORCE.

import { decimalAdd, decimalSub } from "./decimal";
import { getFormat } from "./formats";
import { sanitise } from "./rule-context";
import { ITEM_ROWS_2019, DOCUMENT_ROWS } from "./rules-cross";
import { APPLICANT_COLUMNS } from "./table-applications";
import type { CarryOverProposal, CellValues, FormatDef, ReportData } from "./types";

/**
 * Only cells whose basis was filled last year are proposed; a blank is not evidence of 0.
 * 2021 现行有效件数 is proposed as last year's figure: X-INFORCE expects it plus this year's
 * 制发 minus 废止, which the clerk has not entered yet, so the grid should add them once known.
 */
export function proposeCarryOver(previous: ReportData, format: FormatDef): CarryOverProposal[] {
  const previousFormat = getFormat(previous.formatVersion);
  const last = sanitise(previousFormat, previous.values);
  const proposals: CarryOverProposal[] = [];

  for (const { column, label } of APPLICANT_COLUMNS) {
    const value = last.values[`applications.carry_forward.${column}`];
    if (value === null || value === undefined) continue;
    proposals.push({
      cell: `applications.carried_over.${column}`,
      value,
      basis: `上年「四、结转下年度继续办理」${label}`,
    });
  }

  if (format.version === "2019" && previousFormat.version === "2019") {
    for (const row of ITEM_ROWS_2019) {
      const items = last.values[`active_disclosure.${row}.prev_year_items`];
      const change = last.values[`active_disclosure.${row}.change`];
      if (items === null || items === undefined || change === null || change === undefined) continue;
      proposals.push({
        cell: `active_disclosure.${row}.prev_year_items`,
        value: decimalAdd(items, change),
        basis: "上年「上一年项目数量」加上年「本年增/减」",
      });
    }
  }

  if (format.version === "2021" && previousFormat.version === "2021") {
    for (const row of DOCUMENT_ROWS) {
      const inForce = last.values[`active_disclosure.${row}.in_force`];
      if (inForce === null || inForce === undefined) continue;
      proposals.push({
        cell: `active_disclosure.${row}.in_force`,
        value: inForce,
        basis: "上年「现行有效件数」（还应加本年制发件数、减本年废止件数）",
      });
    }
  }
  return proposals;
}

/**
 * What X-INFORCE will expect for 现行有效件数 once this year's 制发/废止 are entered; null when
 * last year's report is not a 2021-format report or the base was left blank.
 */
export function expectedInForce(
  previous: ReportData,
  current: CellValues,
  row: (typeof DOCUMENT_ROWS)[number],
): string | null {
  if (previous.formatVersion !== "2021") return null;
  const last = sanitise(getFormat("2021"), previous.values).values[`active_disclosure.${row}.in_force`];
  if (last === null || last === undefined) return null;
  const now = sanitise(getFormat("2021"), current);
  return decimalSub(
    decimalAdd(last, now.num(`active_disclosure.${row}.made`)),
    now.num(`active_disclosure.${row}.repealed`),
  );
}
