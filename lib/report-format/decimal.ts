// Exact decimal arithmetic on decimal strings, so counts and money never touch binary floats.
//
// Two paths give the same strings. The exact path works on scaled BigInts and takes any decimal string. The fast
// path takes only plain integers of at most 15 digits ("12", "-3", "007"), which are below 10^15 < 2^53, so a JS
// number holds each of them, and each sum, difference or product that is still a safe integer, exactly; it never
// sees a fraction, so money with decimals always goes through BigInt. Whatever falls outside (more digits, a
// fraction, a result beyond Number.MAX_SAFE_INTEGER) takes the exact path. fast-paths.test.ts checks the two
// against each other.

import type { MoneyUnit } from "./types";

const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

/** Longest integer the fast path reads: 10^15 − 1 < 2^53, and every partial value while reading is exact too. */
const FAST_MAX_DIGITS = 15;
/** 10^0 … 10^15 as literals (exact doubles), so decimalShift never depends on Math.pow's rounding. */
const POWERS_OF_TEN = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
] as const;

/**
 * The value of a plain integer string of 1–15 digits with an optional leading "-" ("12", "-3", "007", "-0"), or
 * NaN for anything else (fractions, more digits, "+", spaces, ""). "-0" gives -0, which String() writes as "0".
 */
export function fastInteger(value: string): number {
  const length = value.length;
  const start = length > 0 && value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (length === start || length - start > FAST_MAX_DIGITS) return NaN;
  let n = 0;
  for (let i = start; i < length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return start === 1 ? -n : n;
}

/** True for a plain decimal string ("12", "-3", "7730.28", "007.50"); no exponent, no separators. */
export function isDecimalString(value: string): boolean {
  return !Number.isNaN(fastInteger(value)) || DECIMAL_RE.test(value);
}

function toScaled(value: string): Scaled {
  if (!DECIMAL_RE.test(value)) {
    throw new RangeError(`不是十进制数字：${value}`);
  }
  const negative = value.startsWith("-");
  const body = negative ? value.slice(1) : value;
  const [intPart, fracPart = ""] = body.split(".");
  const units = BigInt(intPart + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

function fromScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, "0");
    const intPart = digits.slice(0, digits.length - scale);
    const fracPart = digits.slice(digits.length - scale).replace(/0+$/, "");
    digits = fracPart ? `${intPart}.${fracPart}` : intPart;
  }
  if (digits === "0") return "0";
  return negative ? `-${digits}` : digits;
}

function align(a: Scaled, b: Scaled): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

/**
 * The exact path on its own (scaled BigInts for every input), as the public functions behaved before the fast path.
 * Not part of the public API: the tests compare the public functions against it.
 */
export const exactDecimal = {
  canonical(value: string): string {
    return fromScaled(toScaled(value));
  },
  add(a: string, b: string): string {
    const [x, y, scale] = align(toScaled(a), toScaled(b));
    return fromScaled({ units: x + y, scale });
  },
  sub(a: string, b: string): string {
    const [x, y, scale] = align(toScaled(a), toScaled(b));
    return fromScaled({ units: x - y, scale });
  },
  compare(a: string, b: string): number {
    const [x, y] = align(toScaled(a), toScaled(b));
    return x < y ? -1 : x > y ? 1 : 0;
  },
  sum(values: readonly (string | null | undefined)[]): string {
    let total = "0";
    for (const value of values) {
      if (value !== null && value !== undefined) total = exactDecimal.add(total, value);
    }
    return total;
  },
  shift(value: string, places: number): string {
    const scaled = toScaled(value);
    if (places >= 0) {
      return fromScaled({ units: scaled.units * 10n ** BigInt(places), scale: scaled.scale });
    }
    return fromScaled({ units: scaled.units, scale: scaled.scale - places });
  },
  places(value: string): number {
    const canonical = exactDecimal.canonical(value);
    const dot = canonical.indexOf(".");
    return dot < 0 ? 0 : canonical.length - dot - 1;
  },
};

/** Canonical form: no leading zeros, no trailing fraction zeros, "-0" → "0". */
export function canonicalDecimal(value: string): string {
  const n = fastInteger(value);
  return Number.isNaN(n) ? exactDecimal.canonical(value) : String(n);
}

export function decimalAdd(a: string, b: string): string {
  const x = fastInteger(a);
  const y = fastInteger(b);
  // |x|, |y| < 10^15, so |x + y| < 2·10^15 < 2^53: exact.
  if (!Number.isNaN(x) && !Number.isNaN(y)) return String(x + y);
  return exactDecimal.add(a, b);
}

export function decimalSub(a: string, b: string): string {
  const x = fastInteger(a);
  const y = fastInteger(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return String(x - y);
  return exactDecimal.sub(a, b);
}

/** -1, 0 or 1 as a compares to b. */
export function decimalCompare(a: string, b: string): number {
  const x = fastInteger(a);
  const y = fastInteger(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? -1 : x > y ? 1 : 0;
  return exactDecimal.compare(a, b);
}

/** Sum where blanks (null/undefined) count as 0, as every rule demands. */
export function decimalSum(values: readonly (string | null | undefined)[]): string {
  let total = 0;
  let i = 0;
  for (; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    const n = fastInteger(value);
    if (Number.isNaN(n)) break;
    // total is a safe integer and |n| < 10^15. If the exact sum is a safe integer the double sum is exact; if it
    // is not, the rounded sum is not safe either (rounding is monotonic and ±2^53 are not safe), so we never
    // accept an inexact sum.
    const next = total + n;
    if (!Number.isSafeInteger(next)) break;
    total = next;
  }
  if (i === values.length) return String(total);
  let exact = String(total);
  for (; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) exact = decimalAdd(exact, value);
  }
  return exact;
}

/** Multiplies by 10^places (places may be negative); exact because only the scale moves. */
export function decimalShift(value: string, places: number): string {
  if (places >= 0 && places < POWERS_OF_TEN.length) {
    const n = fastInteger(value);
    // An exact product that is a safe integer is representable, so the double product equals it; a larger one
    // rounds to a value that is not safe. Negative places make fractions and always take the exact path.
    const product = n * POWERS_OF_TEN[places];
    if (Number.isSafeInteger(product)) return String(product);
  }
  return exactDecimal.shift(value, places);
}

/** Number of fraction digits of the canonical form. */
export function decimalPlaces(value: string): number {
  return Number.isNaN(fastInteger(value)) ? exactDecimal.places(value) : 0;
}

export function isIntegerDecimal(value: string): boolean {
  if (!Number.isNaN(fastInteger(value))) return true;
  return isDecimalString(value) && exactDecimal.places(value) === 0;
}

/** 元 ↔ 万元, exact (1 万元 = 10000 元). */
export function convertMoney(value: string, from: MoneyUnit, to: MoneyUnit): string {
  if (from === to) return canonicalDecimal(value);
  return decimalShift(value, from === "万元" ? 4 : -4);
}

export const yuanToWanYuan = (value: string): string => convertMoney(value, "元", "万元");
export const wanYuanToYuan = (value: string): string => convertMoney(value, "万元", "元");
