// What the form shows for last year's carry-over proposals: which are still pending, and their value right now.
import {
  decimalCompare,
  expectedInForce,
  type CarryOverProposal,
  type CellValues,
  type Issue,
  type ReportData,
} from "@/lib/report-format";

export interface ShownProposal {
  value: string;
  basis: string;
}

const IN_FORCE = /^active_disclosure\.(regulations|normative_documents)\.in_force$/;

/** Proposals start pending only for cells blank on screen; a cell the clerk has typed into is theirs. */
export function initialPending(proposals: CarryOverProposal[], text: Record<string, string>): Record<string, CarryOverProposal> {
  return Object.fromEntries(proposals.filter((p) => (text[p.cell] ?? "").trim() === "").map((p) => [p.cell, p]));
}

/**
 * The value each pending proposal shows, for cells still blank on screen. 现行有效件数 follows this year's
 * 制发 and 废止 as they are entered (what X-INFORCE will expect); a result below 0 is not proposed at all.
 */
export function shownProposals(
  pending: Record<string, CarryOverProposal>,
  text: Record<string, string>,
  values: CellValues,
  previous: ReportData | null,
): Record<string, ShownProposal> {
  const shown: Record<string, ShownProposal> = {};
  for (const p of Object.values(pending)) {
    if ((text[p.cell] ?? "").trim() !== "") continue;
    const row = IN_FORCE.exec(p.cell)?.[1] as "regulations" | "normative_documents" | undefined;
    if (!row || !previous) {
      shown[p.cell] = { value: p.value, basis: p.basis };
      continue;
    }
    const made = values[`active_disclosure.${row}.made`] ?? null;
    const repealed = values[`active_disclosure.${row}.repealed`] ?? null;
    const expected = expectedInForce(previous, values, row) ?? p.value;
    if (decimalCompare(expected, "0") < 0) continue;
    shown[p.cell] =
      made === null && repealed === null
        ? { value: expected, basis: p.basis }
        : { value: expected, basis: `上年「现行有效件数」${p.value} + 本年制发 ${made ?? 0} − 本年废止 ${repealed ?? 0}` };
  }
  return shown;
}

const CROSS_YEAR_RULES = new Set(["X-CARRY", "X-INFORCE", "X-ITEMS"]);

/**
 * The checks run on what is entered, so a proposed cell is blank there (GEN-FILLED, counted as 0). Its X-* issue
 * would then contradict the figure the cell shows; it is dropped when the proposed figure is exactly what the rule
 * expects, and kept otherwise.
 */
export function withoutSettledCrossChecks(issues: Issue[], shown: Record<string, ShownProposal>): Issue[] {
  return issues.filter((issue) => {
    const proposal = issue.cell ? shown[issue.cell] : undefined;
    if (!proposal || !CROSS_YEAR_RULES.has(issue.rule) || issue.expected === undefined) return true;
    return decimalCompare(issue.expected, proposal.value) !== 0;
  });
}
