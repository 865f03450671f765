// Property tests: serialise/parse round trip, computed totals always consistent, rule-clean reports have no error.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatVersionForYear, getFormat, resultRowsOf } from "./formats";
import { parseInterchange } from "./interchange-parse";
import { serializeInterchange } from "./interchange-serialize";
import { APPLICANT_COLUMNS } from "./table-applications";
import type { CellDef, CellValues, FormatVersion, ReportData } from "./types";
import { countBySeverity, validateReport } from "./validate";

const RUNS = { numRuns: 40 };

const moneyText = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const digits = units.toString().padStart(scale + 1, "0");
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  });

function valueFor(cell: CellDef): fc.Arbitrary<string | null> {
  const value =
    cell.kind === "money"
      ? moneyText
      : cell.kind === "signed_count"
        ? fc.integer({ min: -500, max: 500 }).map(String)
        : fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(999_999_999_999)).map(String);
  return fc.option(value, { freq: 8 });
}

const narratives = fc.record(
  { preamble: fc.string(), s1: fc.string(), s5: fc.string(), s6: fc.string() },
  { requiredKeys: [] },
);

function reportArb(version?: FormatVersion): fc.Arbitrary<ReportData> {
  const years = version === "2019" ? fc.integer({ min: 2019, max: 2020 }) : version ? fc.integer({ min: 2021, max: 2030 }) : fc.integer({ min: 2019, max: 2030 });
  return years.chain((year) => {
    const format = getFormat(formatVersionForYear(year));
    return fc
      .record({
        values: fc.tuple(...format.inputCells.map(valueFor)),
        narratives,
        code: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        name: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
      })
      .map(({ values, narratives: texts, code, name }) => {
        const cellValues: CellValues = {};
        format.inputCells.forEach((cell, i) => {
          cellValues[cell.address] = values[i];
        });
        return { formatVersion: format.version, year, unit: { code, name }, narratives: texts, values: cellValues };
      });
  });
}

describe("properties", () => {
  it("parse(serialize(r)) deep-equals r", () => {
    fc.assert(
      fc.property(reportArb(), (report) => {
        expect(parseInterchange(serializeInterchange(report)).report).toEqual(report);
      }),
      RUNS,
    );
  });

  it("serialised computed totals never break T3-SUM, T3-ROW or T4-*", () => {
    fc.assert(
      fc.property(reportArb(), (report) => {
        const rules = parseInterchange(serializeInterchange(report)).issues.map((i) => i.rule);
        expect(rules.filter((r) => /^(T3-SUM|T3-ROW|T4-)/.test(r))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a report built to balance validates with no error", () => {
    const balanced = reportArb().chain((report) => {
      const format = getFormat(report.formatVersion);
      const results = resultRowsOf(format);
      return fc
        .tuple(
          ...APPLICANT_COLUMNS.map(() =>
            fc.record({
              results: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: results.length, maxLength: results.length }),
              carryForward: fc.integer({ min: 0, max: 30 }),
              carriedOver: fc.integer({ min: 0, max: 60 }),
            }),
          ),
        )
        .map((columns) => {
          const values = { ...report.values };
          for (const cell of format.inputCells) if (values[cell.address] === null) values[cell.address] = "0";
          columns.forEach((column, i) => {
            const c = APPLICANT_COLUMNS[i].column;
            results.forEach((row, j) => {
              values[`applications.${row}.${c}`] = String(column.results[j]);
            });
            const outflow = column.results.reduce((a, b) => a + b, 0) + column.carryForward;
            const carriedOver = Math.min(column.carriedOver, outflow);
            values[`applications.carried_over.${c}`] = String(carriedOver);
            values[`applications.carry_forward.${c}`] = String(column.carryForward);
            values[`applications.new_received.${c}`] = String(outflow - carriedOver);
          });
          return { ...report, values };
        });
    });
    fc.assert(
      fc.property(balanced, (report) => {
        const issues = validateReport(report);
        expect(countBySeverity(issues).errors, JSON.stringify(issues.filter((i) => i.severity === "error"))).toBe(0);
        expect(issues.filter((i) => i.rule === "GEN-FILLED")).toEqual([]);
      }),
      RUNS,
    );
  });
});
