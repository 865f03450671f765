// totalTerms: adding up each total's terms gives exactly what computeTotals computes, in both formats.
import { describe, expect, it } from "vitest";
import { decimalSum } from "./decimal";
import { getFormat } from "./formats";
import { computeTotals, totalTerms } from "./totals";
import type { FormatVersion } from "./types";

describe("totalTerms", () => {
  it.each<FormatVersion>(["2019", "2021"])("%s: every total is the sum of its terms", (version) => {
    const format = getFormat(version);
    const values: Record<string, string | null> = {};
    format.inputCells.forEach((cell, i) => {
      values[cell.address] = i % 7 === 0 ? null : String((i * 37) % 101);
    });
    const totals = computeTotals(format, values);
    const terms = totalTerms(format);
    expect(Object.keys(terms)).toEqual(format.cells.filter((c) => c.kind === "total").map((c) => c.address));
    const valueOf = (address: string) => (format.cell(address)?.kind === "total" ? totals[address] : (values[address] ?? "0"));
    for (const [total, parts] of Object.entries(terms)) {
      expect(parts.length).toBeGreaterThan(0);
      expect(decimalSum(parts.map(valueOf))).toBe(totals[total]);
    }
  });
});
