// toCsv: the open-data CSV of interchange.md §5 (BOM, one row per cell, RFC 4180, CRLF, formula guard).

import { getFormat } from "./formats";
import { sanitise } from "./rule-context";
import type { ReportData } from "./types";

export const CSV_HEADER = ["year", "unit_code", "unit_name", "format_version", "table", "row", "column", "label", "value", "unit"];

/** Spreadsheets run text starting with these as formulas; a leading ' makes them plain text. */
function guardText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(reports: ReportData[]): string {
  const lines = [CSV_HEADER.join(",")];
  for (const report of reports) {
    const format = getFormat(report.formatVersion);
    const { values, totals } = sanitise(format, report.values);
    for (const cell of format.cells) {
      const value = cell.kind === "total" ? totals[cell.address] : values[cell.address];
      // The value column holds numbers (a negative 本年增/减 is a number), so it is never guarded.
      const fields = [
        String(report.year),
        guardText(report.unit.code),
        guardText(report.unit.name),
        report.formatVersion,
        cell.table,
        cell.row,
        cell.column,
        guardText(cell.accessibleName),
        value ?? "",
        cell.kind === "money" ? (cell.canonicalUnit ?? "元") : "",
      ];
      lines.push(fields.map(quote).join(","));
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
