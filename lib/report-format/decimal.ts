// Exact decimal arithmetic on decimal strings via scaled BigInts, so counts and money never touch binary floats.

import type { MoneyUnit } from "./types";

const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

/** True for a plain decimal string ("12", "-3", "7730.28", "007.50"); no exponent, no separators. */
export function isDecimalString(value: string): boolean {
  return DECIMAL_RE.test(value);
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

/** Canonical form: no leading zeros, no trailing fraction zeros, "-0" → "0". */
export function canonicalDecimal(value: string): string {
  return fromScaled(toScaled(value));
}

export function decimalAdd(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x + y, scale });
}

export function decimalSub(a: string, b: string): string {
  const [x, y, scale] = align(toScaled(a), toScaled(b));
  return fromScaled({ units: x - y, scale });
}

/** -1, 0 or 1 as a compares to b. */
export function decimalCompare(a: string, b: string): number {
  const [x, y] = align(toScaled(a), toScaled(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sum where blanks (null/undefined) count as 0, as every rule demands. */
export function decimalSum(values: readonly (string | null | undefined)[]): string {
  let total = "0";
  for (const value of values) {
    if (value !== null && value !== undefined) total = decimalAdd(total, value);
  }
  return total;
}

/** Multiplies by 10^places (places may be negative); exact because only the scale moves. */
export function decimalShift(value: string, places: number): string {
  const scaled = toScaled(value);
  if (places >= 0) {
    return fromScaled({ units: scaled.units * 10n ** BigInt(places), scale: scaled.scale });
  }
  return fromScaled({ units: scaled.units, scale: scaled.scale - places });
}

/** Number of fraction digits of the canonical form. */
export function decimalPlaces(value: string): number {
  const canonical = canonicalDecimal(value);
  const dot = canonical.indexOf(".");
  return dot < 0 ? 0 : canonical.length - dot - 1;
}

export function isIntegerDecimal(value: string): boolean {
  return isDecimalString(value) && decimalPlaces(value) === 0;
}

/** 元 ↔ 万元, exact (1 万元 = 10000 元). */
export function convertMoney(value: string, from: MoneyUnit, to: MoneyUnit): string {
  if (from === to) return canonicalDecimal(value);
  return decimalShift(value, from === "万元" ? 4 : -4);
}

export const yuanToWanYuan = (value: string): string => convertMoney(value, "元", "万元");
export const wanYuanToYuan = (value: string): string => convertMoney(value, "万元", "元");
