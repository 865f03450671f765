// Year-over-year change of one figure, for the reviewer's comparison beside each cell.
import { decimalAdd, decimalCompare, decimalSub, isDecimalString } from "@/lib/report-format";

/** Large changes (design: more than 50 % and at least 10, or 0 → non-zero) are worth a reviewer's look. Exact
 * decimal arithmetic on the stored strings (money may have more digits than a double holds); only the percentage
 * shown, a rounded ratio, is a float. */
export function changeOf(now: string | null | undefined, before: string | null | undefined) {
  if (now == null || before == null || !isDecimalString(now) || !isDecimalString(before)) return null;
  const delta = decimalSub(now, before);
  const abs = (v: string) => (v.startsWith("-") ? v.slice(1) : v);
  const beforeIsZero = decimalCompare(before, "0") === 0;
  const pct = beforeIsZero ? null : (Number(delta) / Math.abs(Number(before))) * 100;
  // more than 50 %: 2·|Δ| > |before|; at least 10: |Δ| ≥ 10.
  const large = beforeIsZero
    ? decimalCompare(now, "0") !== 0
    : decimalCompare(decimalAdd(abs(delta), abs(delta)), abs(before)) > 0 && decimalCompare(abs(delta), "10") >= 0;
  return { delta, pct, large };
}
