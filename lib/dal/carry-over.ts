// Carry-over proposals for the clerk's form: last year's figures proposed for the cells still blank this year.
import "server-only";
import { getFormat, proposeCarryOver, type CarryOverProposal, type ReportData } from "@/lib/report-format";

/**
 * Works on a report the caller has already read with the acting user's permission (getFillView), so it checks
 * nothing itself. Last year's report must be the same unit's and the year just before (what the X-* rules
 * compare with); a cell the clerk has filled, even with 0, is never proposed again.
 */
export function carryOverProposals(current: ReportData, previous: ReportData | null): CarryOverProposal[] {
  if (!previous || previous.unit.code !== current.unit.code || previous.year !== current.year - 1) return [];
  return proposeCarryOver(previous, getFormat(current.formatVersion)).filter((p) => current.values[p.cell] === null);
}
