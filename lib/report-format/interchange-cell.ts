// Reads one cell of an interchange document: number, string, null or {value, unit, raw}; converts money units exactly.

import { parseCellInput } from "./cell-input";
import { convertMoney, decimalPlaces } from "./decimal";
import { MAX_MONEY_DECIMALS } from "./cell-input";
import type { CellAddress, CellDef, MoneyUnit } from "./types";

export class InterchangeError extends Error {
  readonly path: string;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(path: string, messageZh: string, messageEn: string) {
    super(`${path || "(document)"}: ${messageEn} / ${messageZh}`);
    this.name = "InterchangeError";
    this.path = path;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export type CellRead =
  | { kind: "missing" }
  | { kind: "blank" }
  | { kind: "value"; value: string }
  | { kind: "invalid"; text: string };

export interface CellSideEffects {
  conversions: { cell: CellAddress; from: string; to: string }[];
  raw: Record<CellAddress, string>;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NOT_A_CELL: [string, string] = [
  "单元格应为数字、null，或 {\"value\": …, \"unit\": …} 对象",
  "a cell must be a number, null or an object {\"value\": …, \"unit\": …}",
];

/** JSON numbers arrive as doubles; their shortest text is what the file said for any sane figure. */
function numberText(value: number): string {
  // String() of a safe integer is its exact digits, as BigInt's would be ("0" for -0 too).
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(value);
}

function scalarText(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  throw new InterchangeError(path, ...NOT_A_CELL);
}

function isMoneyUnit(unit: unknown): unit is MoneyUnit {
  return unit === "元" || unit === "万元";
}

function readMoney(cell: CellDef, text: string, unit: unknown, effects: CellSideEffects): CellRead {
  const canonical = cell.canonicalUnit ?? "元";
  if (unit !== undefined && unit !== null && !isMoneyUnit(unit)) {
    return { kind: "invalid", text: `${text}${String(unit)}` };
  }
  const from: MoneyUnit = isMoneyUnit(unit) ? unit : canonical;
  // Check the figure as written (decimals in its own unit) before converting it.
  const asWritten = parseCellInput({ ...cell, canonicalUnit: from }, text);
  if (!asWritten.ok) return { kind: "invalid", text: from === canonical ? text : `${text}${from}` };
  if (asWritten.value === null) return { kind: "blank" };
  if (from === canonical) return { kind: "value", value: asWritten.value };
  const converted = convertMoney(asWritten.value, from, canonical);
  if (decimalPlaces(converted) > MAX_MONEY_DECIMALS) return { kind: "invalid", text: `${text}${from}` };
  effects.conversions.push({ cell: cell.address, from: `${asWritten.value}${from}`, to: `${converted}${canonical}` });
  return { kind: "value", value: converted };
}

export function readCell(cell: CellDef, raw: unknown, path: string, effects: CellSideEffects): CellRead {
  if (raw === undefined) return { kind: "missing" };
  if (Array.isArray(raw)) throw new InterchangeError(path, ...NOT_A_CELL);
  let value: unknown = raw;
  let unit: unknown;
  if (isPlainObject(raw)) {
    if (!("value" in raw)) throw new InterchangeError(path, ...NOT_A_CELL);
    value = raw.value;
    unit = raw.unit;
    if (typeof raw.raw === "string") effects.raw[cell.address] = raw.raw;
  }
  const text = scalarText(value, path);
  if (text === null) return { kind: "blank" };
  if (cell.kind === "money") return readMoney(cell, text, unit, effects);
  // Printed totals obey the count rules; parseCellInput refuses "total" cells for typing only.
  const asCount: CellDef = cell.kind === "total" ? { ...cell, kind: "count" } : cell;
  const parsed = parseCellInput(asCount, text);
  if (!parsed.ok) return { kind: "invalid", text };
  return parsed.value === null ? { kind: "blank" } : { kind: "value", value: parsed.value };
}
