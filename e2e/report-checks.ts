// Shared checks of downloaded report files for the e2e specs: what the official view prints per cell, and where the
// Excel writer placed each value cell of a format's tables.
import ExcelJS from "exceljs";
import { expect, type Page } from "@playwright/test";
import type { FormatDef } from "../lib/report-format";
import { placeTable } from "../lib/export/xlsx-layout";

/** What the official view on the page prints in each value cell, by cell address. */
export async function printedOnPage(page: Page): Promise<Record<string, string>> {
  return page
    .locator("article.official-report td[data-cell]")
    .evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute("data-cell"), (td.querySelector("[data-value]") ?? td).textContent ?? ""])));
}

/** Sheet positions of each table: found by the first label of the table in column A, then placed as the writer does. */
export function sheetCells(sheet: ExcelJS.Worksheet, def: FormatDef): Map<string, ExcelJS.Cell> {
  const refs = new Map<string, ExcelJS.Cell>();
  for (const table of def.tables) {
    const first = [...table.header, ...table.body][0]!.cells[0]!;
    const label = first.type === "header" ? first.label : "";
    let start = 0;
    sheet.eachRow((row, n) => {
      if (!start && String(row.getCell(1).text).startsWith(label)) start = n;
    });
    expect(start, table.id).toBeGreaterThan(0);
    for (const p of placeTable(table, start).placed) if (p.cell.type === "value") refs.set(p.cell.address, sheet.getCell(p.row, p.col));
  }
  return refs;
}
