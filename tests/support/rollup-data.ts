// Test data for roll-ups: deterministic unit reports of any format with chosen values, imported as approved reports.
import type { Db } from "../../db/client";
import type { DemoUnit } from "../../db/demo-units";
import { importReport } from "../../lib/dal/operator";
import { emptyValues, parseInterchange, serializeInterchange, type FormatDef, type ReportData } from "../../lib/report-format";

/**
 * One report per unit: every input cell gets a value that differs by unit and cell (signed cells may be negative,
 * money has decimals), then `overrides[cell][i]` replaces unit i's value (null = blank).
 */
export function makeParts(format: FormatDef, year: number, units: readonly DemoUnit[], overrides: Record<string, (string | null)[]> = {}): ReportData[] {
  return units.map((unit, i) => {
    const values = emptyValues(format);
    format.inputCells.forEach((cell, k) => {
      const base = (i + 1) * 3 + (k % 7);
      values[cell.address] = cell.kind === "signed_count" ? String((k % 5) - 2) : cell.kind === "money" ? `${base}.${(k % 9) + 1}` : String(base);
    });
    for (const [cell, byUnit] of Object.entries(overrides)) values[cell] = byUnit[i] ?? null;
    return { formatVersion: format.version, year, unit: { code: unit.code, name: unit.name }, narratives: { s1: `${unit.name}的总体情况。` }, values };
  });
}

/** Imports each report as the unit's approved report of its year (as `npm run cli -- import` does). */
export async function importParts(db: Db, parts: readonly ReportData[], opts: { replace?: boolean } = {}): Promise<void> {
  for (const report of parts) {
    const document = serializeInterchange(report);
    await importReport(db, parseInterchange(document), {
      year: report.year,
      unitCode: report.unit.code,
      status: "approved",
      replace: opts.replace ?? false,
      source: "test",
      document,
    });
  }
}
