// Parses what a person typed (or a file held) into a canonical cell value, with Chinese reasons on refusal.

import { canonicalDecimal, decimalPlaces } from "./decimal";
import type { CellDef } from "./types";

export const MAX_COUNT = "999999999999";
const MAX_COUNT_DIGITS = 12;
const MAX_MONEY_INTEGER_DIGITS = 15;
export const MAX_MONEY_DECIMALS = 6;

export type CellInputResult = { ok: true; value: string | null } | { ok: false; message: string };

const FULL_WIDTH: Record<string, string> = {
  "－": "-",
  "−": "-",
  "﹣": "-",
  "＋": "+",
  "．": ".",
  "，": ",",
};

/** Full-width digits and signs come from Chinese input methods; they mean the same number. */
export function normaliseNumberText(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[－−﹣＋．，]/g, (ch) => FULL_WIDTH[ch] ?? ch);
}

const NUMBER_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** What a cell accepts, in the words shown to the person filling it. */
export function allowedText(cell: CellDef): string {
  switch (cell.kind) {
    case "count":
      return `请填写 0 到 ${MAX_COUNT} 之间的整数，没有发生请填 0`;
    case "signed_count":
      return `请填写整数，减少时填负数（如 -3），绝对值不超过 ${MAX_COUNT}`;
    case "money":
      return `请填写不小于 0 的金额（单位：${cell.canonicalUnit ?? "元"}），最多 ${MAX_MONEY_DECIMALS} 位小数，如 7730.28`;
    case "total":
      return "该单元格为合计，由系统自动计算，无需填写";
  }
}

function refuse(cell: CellDef, reason: string): CellInputResult {
  return { ok: false, message: `${reason}${allowedText(cell)}。` };
}

/**
 * Digits of raw if it is already a canonical integer ("0", "12", and "-3" when negatives are allowed: no sign
 * other than "-", no leading zeros, no "-0", nothing around it), else 0.
 */
function canonicalIntegerDigits(raw: string, allowNegative: boolean): number {
  const start = allowNegative && raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const digits = raw.length - start;
  if (digits === 0) return 0;
  const first = raw.charCodeAt(start);
  if (first === 48 /* 0 */) return digits === 1 && start === 0 ? 1 : 0;
  if (first < 49 || first > 57) return 0;
  for (let i = start + 1; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 48 || code > 57) return 0;
  }
  return digits;
}

export function parseCellInput(cell: CellDef, raw: string): CellInputResult {
  if (cell.kind === "total") return { ok: false, message: `${allowedText(cell)}。` };
  // Stored and exported values are already canonical: the full parse below would return them unchanged.
  const digits = canonicalIntegerDigits(raw, cell.kind === "signed_count");
  if (digits > 0 && digits <= (cell.kind === "money" ? MAX_MONEY_INTEGER_DIGITS : MAX_COUNT_DIGITS)) {
    return { ok: true, value: raw };
  }
  return parseCellText(cell, raw);
}

/** The full parse (full-width forms, separators, signs, limits); parseCellInput skips it for canonical integers. */
export function parseCellText(cell: CellDef, raw: string): CellInputResult {
  if (cell.kind === "total") return { ok: false, message: `${allowedText(cell)}。` };
  const text = normaliseNumberText(raw);
  if (text === "") return { ok: true, value: null };
  const match = NUMBER_RE.exec(text);
  if (!match || (match[2] === "" && !match[3])) return refuse(cell, `“${raw.trim()}”不是数字。`);
  const [, sign = "", intText, fracText] = match;
  const intDigits = intText.replace(/,/g, "") || "0";
  const plain = `${sign === "-" ? "-" : ""}${intDigits}${fracText ? `.${fracText}` : ""}`;
  const value = canonicalDecimal(plain);
  const negative = value.startsWith("-");
  const magnitudeDigits = canonicalDecimal(intDigits).length;

  if (cell.kind === "money") {
    if (negative) return refuse(cell, "金额不能为负数。");
    if (sign === "+") return refuse(cell, "金额前不要加“+”号。");
    if (decimalPlaces(value) > MAX_MONEY_DECIMALS) return refuse(cell, `小数超过 ${MAX_MONEY_DECIMALS} 位。`);
    if (magnitudeDigits > MAX_MONEY_INTEGER_DIGITS) return refuse(cell, "金额过大。");
    return { ok: true, value };
  }
  if (match[3] !== undefined) return refuse(cell, "不能填小数。");
  if (cell.kind === "count") {
    if (negative) return refuse(cell, "不能填负数。");
    if (sign === "+") return refuse(cell, "不要加“+”号。");
  }
  if (magnitudeDigits > MAX_COUNT_DIGITS) return refuse(cell, "数字过大。");
  return { ok: true, value };
}
