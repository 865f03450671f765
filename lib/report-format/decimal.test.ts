// Exact decimal helpers, including a property test against BigInt arithmetic on scaled integers.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalDecimal,
  convertMoney,
  decimalAdd,
  decimalCompare,
  decimalShift,
  decimalSub,
  decimalSum,
  wanYuanToYuan,
  yuanToWanYuan,
} from "./decimal";

/** A money amount with up to 6 decimals, as micro-units and as its decimal string. */
const money = fc.bigInt({ min: 0n, max: 10n ** 15n }).map((micro) => {
  const digits = micro.toString().padStart(7, "0");
  return { micro, text: `${digits.slice(0, -6)}.${digits.slice(-6)}` };
});

function microToText(micro: bigint): string {
  const digits = micro.toString().padStart(7, "0");
  return canonicalDecimal(`${digits.slice(0, -6)}.${digits.slice(-6)}`);
}

describe("decimal", () => {
  it("canonicalises", () => {
    expect(canonicalDecimal("007.50")).toBe("7.5");
    expect(canonicalDecimal("-0.000")).toBe("0");
    expect(canonicalDecimal("10")).toBe("10");
    expect(canonicalDecimal("-0.5")).toBe("-0.5");
  });

  it("adds, subtracts and compares without float error", () => {
    expect(decimalAdd("0.1", "0.2")).toBe("0.3");
    expect(decimalSub("3", "5")).toBe("-2");
    expect(decimalAdd("5949.088667", "0.911333")).toBe("5950");
    expect(decimalCompare("7730.28", "7730.280")).toBe(0);
    expect(decimalCompare("-1", "0.5")).toBe(-1);
    expect(decimalSum(["1", null, "2.5", undefined])).toBe("3.5");
  });

  it("converts 元 ↔ 万元 exactly", () => {
    expect(yuanToWanYuan("75394432.52")).toBe("7539.443252");
    expect(wanYuanToYuan("5949.088667")).toBe("59490886.67");
    expect(convertMoney("12", "元", "元")).toBe("12");
    expect(decimalShift("1.5", -4)).toBe("0.00015");
  });

  it("sums many money cells exactly (property)", () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 60 }), (amounts) => {
        const expected = amounts.reduce((sum, a) => sum + a.micro, 0n);
        expect(decimalSum(amounts.map((a) => a.text))).toBe(microToText(expected));
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips 万元 → 元 → 万元 (property)", () => {
    fc.assert(
      fc.property(money, (a) => {
        expect(yuanToWanYuan(wanYuanToYuan(a.text))).toBe(canonicalDecimal(a.text));
      }),
      { numRuns: 100 },
    );
  });
});
