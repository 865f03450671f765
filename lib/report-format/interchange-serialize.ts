// serializeInterchange: a report as a gov-open-report/v1 document, totals computed, keys in blank-*.json order.

import { getFormat } from "./formats";
import { NARRATIVE_IDS, SCHEMA } from "./interchange-parse";
import { sanitise } from "./rule-context";
import type { ReportData } from "./types";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Counts become JSON integers (at most 12 digits, so exact as doubles); money stays a decimal string.
 * Values that are not valid for their cell are written as null: a report holding them is already
 * flagged by GEN-INT, and an export must stay a valid document.
 */
export function serializeInterchange(report: ReportData): JsonObject {
  const format = getFormat(report.formatVersion);
  const { values, totals } = sanitise(format, report.values);
  const narratives: JsonObject = {};
  for (const id of NARRATIVE_IDS) {
    const text = report.narratives[id];
    if (text !== undefined) narratives[id] = text;
  }
  const document: JsonObject = {
    schema: SCHEMA,
    format_version: report.formatVersion,
    year: report.year,
    unit: { code: report.unit.code, name: report.unit.name },
    narratives,
  };
  for (const table of format.tables) {
    const rows: Record<string, JsonObject> = {};
    for (const cell of format.cells) {
      if (cell.table !== table.id) continue;
      rows[cell.row] ??= {};
      const value = cell.kind === "total" ? totals[cell.address] : values[cell.address];
      if (value === null || value === undefined) rows[cell.row][cell.column] = null;
      else if (cell.kind === "money") rows[cell.row][cell.column] = { value, unit: cell.canonicalUnit ?? "元" };
      else rows[cell.row][cell.column] = Number(value);
    }
    document[table.id] = rows;
  }
  return document;
}
