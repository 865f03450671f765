// The fast paths give exactly what the exact (BigInt) paths give: decimal arithmetic on small integers, canonical
// cell input, JSON integers, and the per-format caches.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellInput, parseCellText } from "./cell-input";
import {
  canonicalDecimal,
  convertMoney,
  decimalAdd,
  decimalCompare,
  decimalPlaces,
  decimalShift,
  decimalSub,
  decimalSum,
  exactDecimal,
  fastInteger,
  isDecimalString,
  isIntegerDecimal,
} from "./decimal";
import { getFormat, resultRowsOf } from "./formats";
import { readCell, type CellSideEffects } from "./interchange-cell";
import { computeTotals } from "./totals";
import type { CellDef, CellValues, MoneyUnit } from "./types";

const RUNS = { numRuns: 300 };
const TWO_53 = 2n ** 53n;
const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;

/** What a call gave: its value, or the error it threw (both paths must throw the same). */
function outcome<T>(run: () => T): { value: T } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Magnitudes around every boundary the fast path has: 15/16 digits, 2^53, counts, and far beyond. */
const magnitude = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: 999_999_999_999n }),
  fc.bigInt({ min: 10n ** 15n - 1000n, max: 10n ** 15n + 1000n }),
  fc.bigInt({ min: TWO_53 - 1000n, max: TWO_53 + 1000n }),
  fc.bigInt({ min: 0n, max: 10n ** 30n }),
);
const leadingZeros = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 });
const integerText = fc
  .tuple(fc.boolean(), leadingZeros, magnitude)
  .map(([negative, zeros, m]) => `${negative ? "-" : ""}${"0".repeat(zeros)}${m}`);
const fraction = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 8 });
const fractionText = fc.tuple(integerText, fraction).map(([i, f]) => `${i}.${f}`);
const decimalText = fc.oneof({ arbitrary: integerText, weight: 3 }, { arbitrary: fractionText, weight: 1 });
/** Near-decimals the fast path must refuse and leave to the exact path (which throws where it always did). */
const notDecimal = fc.string({ unit: fc.constantFrom("0", "1", "9", "-", "+", ".", ",", " ", "e", "０"), maxLength: 8 });
const anyText = fc.oneof({ arbitrary: decimalText, weight: 6 }, { arbitrary: notDecimal, weight: 1 });

describe("decimal fast path", () => {
  it("reads exactly the plain integers of at most 15 digits, exactly", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = fastInteger(text);
        if (/^-?\d{1,15}$/.test(text)) expect(BigInt(n)).toBe(BigInt(text));
        else expect(n).toBeNaN();
      }),
      RUNS,
    );
  });

  it("canonicalDecimal, decimalPlaces, isIntegerDecimal, isDecimalString equal the exact path", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(outcome(() => canonicalDecimal(text))).toEqual(outcome(() => exactDecimal.canonical(text)));
        expect(outcome(() => decimalPlaces(text))).toEqual(outcome(() => exactDecimal.places(text)));
        expect(isDecimalString(text)).toBe(DECIMAL_RE.test(text));
        expect(isIntegerDecimal(text)).toBe(DECIMAL_RE.test(text) && exactDecimal.places(text) === 0);
      }),
      RUNS,
    );
  });

  it("decimalAdd, decimalSub, decimalCompare equal the exact path", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(outcome(() => decimalAdd(a, b))).toEqual(outcome(() => exactDecimal.add(a, b)));
        expect(outcome(() => decimalSub(a, b))).toEqual(outcome(() => exactDecimal.sub(a, b)));
        expect(outcome(() => decimalCompare(a, b))).toEqual(outcome(() => exactDecimal.compare(a, b)));
      }),
      RUNS,
    );
  });

  it("decimalSum equals the exact path, also when running totals cross ±2^53", () => {
    const nearLimit = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 10n ** 15n - 10n ** 12n, max: 10n ** 15n - 1n }))
      .map(([negative, m]) => `${negative ? "-" : ""}${m}`);
    const item = fc.oneof(
      { arbitrary: decimalText, weight: 3 },
      { arbitrary: nearLimit, weight: 3 },
      { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
      { arbitrary: notDecimal, weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (values) => {
        expect(outcome(() => decimalSum(values))).toEqual(outcome(() => exactDecimal.sum(values)));
      }),
      RUNS,
    );
    // Same-signed 15-digit values, so partial sums do pass ±2^53 (where a double sum would start rounding).
    const crossing = fc
      .tuple(
        fc.boolean(),
        fc.array(fc.bigInt({ min: 9n * 10n ** 14n, max: 10n ** 15n - 1n }), { minLength: 8, maxLength: 20 }),
        fc.array(fc.integer({ min: -999, max: 999 }), { maxLength: 10 }),
      )
      .map(([negative, big, small]) => [...big.map((m) => `${negative ? "-" : ""}${m}`), ...small.map(String)]);
    fc.assert(
      fc.property(crossing, (values) => {
        expect(decimalSum(values)).toBe(exactDecimal.sum(values));
      }),
      RUNS,
    );
  });

  it("sums that step over 2^53 stay exact", () => {
    const nines = Array.from({ length: 9 }, () => "999999999999999");
    // 9 × 999 999 999 999 999 + 7 199 254 741 000 = 2^53 − 1, the last sum the fast path may keep.
    expect(decimalSum([...nines, "7199254741000"])).toBe("9007199254740991");
    expect(decimalSum([...nines, "7199254741000", "1"])).toBe("9007199254740992");
    expect(decimalSum([...nines, "7199254741000", "2"])).toBe("9007199254740993");
    expect(decimalSum([...nines, "7199254741002", "-3"])).toBe("9007199254740990");
    expect(decimalSum([...nines.map((n) => `-${n}`), "-7199254741002", null, "0.5"])).toBe("-9007199254740992.5");
    expect(decimalAdd("999999999999999", "999999999999999")).toBe("1999999999999998");
    expect(decimalShift("900719925474099", 1)).toBe("9007199254740990");
    expect(decimalShift("900719925474100", 1)).toBe("9007199254741000");
    expect(decimalShift("900719925474099", 2)).toBe("90071992547409900");
  });

  it("signed counts: sums and differences of ±999 999 999 999 equal the exact path", () => {
    const signed = fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }).map(String);
    fc.assert(
      fc.property(fc.array(signed, { maxLength: 300 }), signed, (values, other) => {
        const sum = decimalSum(values);
        expect(sum).toBe(exactDecimal.sum(values));
        expect(decimalSub(sum, other)).toBe(exactDecimal.sub(sum, other));
        expect(decimalCompare(sum, other)).toBe(exactDecimal.compare(sum, other));
      }),
      RUNS,
    );
    expect(decimalAdd("-0", "0")).toBe("0");
    expect(decimalSub("-0", "-0")).toBe("0");
    expect(decimalSum(["-0"])).toBe("0");
    expect(decimalCompare("-0", "0")).toBe(0);
    expect(canonicalDecimal("-000")).toBe("0");
  });

  it("decimalShift and convertMoney equal the exact path", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -8, max: 20 }), fc.constantFrom<MoneyUnit>("元", "万元"), fc.constantFrom<MoneyUnit>("元", "万元"), (text, places, from, to) => {
        expect(outcome(() => decimalShift(text, places))).toEqual(outcome(() => exactDecimal.shift(text, places)));
        const exactConversion = from === to ? () => exactDecimal.canonical(text) : () => exactDecimal.shift(text, from === "万元" ? 4 : -4);
        expect(outcome(() => convertMoney(text, from, to))).toEqual(outcome(exactConversion));
      }),
      RUNS,
    );
  });
});

function cell(address: string, version: "2019" | "2021"): CellDef {
  const found = getFormat(version).cell(address);
  if (!found) throw new Error(address);
  return found;
}

const CELLS = [
  cell("applications.granted.natural_person", "2021"),
  cell("applications.granted.total", "2021"),
  cell("active_disclosure.admin_fees.change", "2019"),
  cell("active_disclosure.admin_fees.amount", "2021"),
  cell("active_disclosure.gov_procurement.total_amount", "2019"),
];

describe("canonical cell input fast path", () => {
  it("covers the cell kinds it claims to", () => {
    expect(CELLS.map((c) => c.kind)).toEqual(["count", "total", "signed_count", "money", "money"]);
  });

  it("parseCellInput equals the full parse for any text", () => {
    const typed = fc.oneof(
      anyText,
      fc.string({ unit: fc.constantFrom(..."0123456789-+.,， ０１－"), maxLength: 18 }),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CELLS), typed, (c, text) => {
        expect(parseCellInput(c, text)).toEqual(parseCellText(c, text));
      }),
      { numRuns: 1000 },
    );
    for (const c of CELLS) {
      for (const text of ["0", "-0", "00", "-", "", "999999999999", "1000000000000", "-999999999999", "999999999999999", "1000000000000000", "+1"]) {
        expect(parseCellInput(c, text)).toEqual(parseCellText(c, text));
      }
    }
  });

  it("JSON integers read as their exact digits, as BigInt(n).toString() did", () => {
    const integer = fc.oneof(
      fc.maxSafeInteger(),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: 999_999_999_000, max: 1_000_000_001_000 }),
      fc.constantFrom(-0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(fc.constantFrom(...CELLS), integer, (c, n) => {
        const asNumber: CellSideEffects = { conversions: [], raw: {} };
        const asText: CellSideEffects = { conversions: [], raw: {} };
        expect(readCell(c, n, "cell", asNumber)).toEqual(readCell(c, BigInt(n).toString(), "cell", asText));
        expect(asNumber).toEqual(asText);
      }),
      RUNS,
    );
  });
});

describe("per-format caches", () => {
  it("resultRowsOf returns a fresh array each time", () => {
    const format = getFormat("2021");
    const rows = resultRowsOf(format);
    rows.push("mutated");
    rows.reverse();
    expect(resultRowsOf(format)[0]).toBe("granted");
    expect(resultRowsOf(format)).not.toContain("mutated");
  });

  it("a hand-made (unfrozen) format gets the same totals as the shared one", () => {
    const format = getFormat("2021");
    const values: CellValues = {};
    format.inputCells.forEach((c, i) => {
      values[c.address] = c.kind === "money" ? "1.25" : String(i % 7);
    });
    expect(computeTotals({ ...format, cells: [...format.cells] }, values)).toEqual(computeTotals(format, values));
  });
});
