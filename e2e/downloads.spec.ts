// Downloads of a finished report from the users' side: a supervisor takes a published report (v1) as Word, Excel, CSV
// and JSON and each file holds the figures the page shows; the clerk downloads their own approved report; anything else
// is a JSON 404 (or 401 signed out).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_FILERS } from "../db/demo-units";
import { CSV_HEADER, getFormat, printedValue } from "../lib/report-format";
import { docxGrid, parseCsv, readDocx } from "../tests/support/downloads";
import { placeTable } from "../lib/export/xlsx-layout";
import { signInAndWait } from "./helpers";
import { printedOnPage, sheetCells } from "./report-checks";

const YEAR = 2025;
const UNIT = "dept-education";
const unitName = (code: string) => DEMO_FILERS.find((u) => u.code === code)!.name;
const format = getFormat("2021");

/** Clicks a link of the download group and returns the saved file's name and bytes. */
async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-downloads").getByRole("link", { name: label, exact: true }).click()]);
  const path = (await file.path())!;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path), path };
}

test.describe.configure({ mode: "serial" });

test("a supervisor downloads a published report as Word, Excel, CSV and JSON; each holds the report's labels and figures", async ({ page }) => {
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  await page.goto(`/review/${YEAR}/${UNIT}`);
  const shown = await printedOnPage(page);
  expect(Object.keys(shown)).toHaveLength(format.cells.length);
  // The demo seed published every 2025 report, so the files are version 1.
  const base = `${unitName(UNIT)}${YEAR}年政府信息公开工作年度报告-v1`;

  const word = await download(page, "Word");
  expect(word.name).toBe(`${base}.docx`);
  const doc = await readDocx(word.bytes);
  expect(doc.paragraphs[0]!.text).toBe(`${unitName(UNIT)}${YEAR}年政府信息公开工作年度报告`);
  for (const s of format.sections) if (s.title) expect(doc.paragraphs.map((p) => p.text)).toContain(s.title);
  format.tables.forEach((table, t) => {
    const placed = placeTable(table, 1).placed;
    const cells = docxGrid(doc.tables[t]!);
    expect(cells.map((c) => [c.row, c.col, c.rowspan, c.colspan])).toEqual(placed.map((p) => [p.row, p.col, p.rowspan, p.colspan]));
    placed.forEach((p, i) => expect(cells[i]!.text).toBe(p.cell.type === "header" ? p.cell.label : shown[p.cell.address]));
  });

  const excel = await download(page, "Excel");
  expect(excel.name).toBe(`${base}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(excel.bytes as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getCell("A1").text).toBe(`${unitName(UNIT)}${YEAR}年政府信息公开工作年度报告`);
  for (const [address, cell] of sheetCells(sheet, format)) {
    expect(cell.type === ExcelJS.ValueType.Formula, address).toBe(false);
    expect(printedValue(format.cell(address)!, cell.value === null ? null : String(cell.value)), address).toBe(shown[address]);
  }

  const csv = await download(page, "CSV");
  expect(csv.name).toBe(`${base}.csv`);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""));
  expect(rows[0]).toEqual(CSV_HEADER);
  expect(rows.slice(1).map((r) => `${r[4]}.${r[5]}.${r[6]}`)).toEqual(format.cells.map((c) => c.address));
  for (const row of rows.slice(1)) {
    expect(row.slice(0, 4)).toEqual([String(YEAR), UNIT, unitName(UNIT), "2021"]);
    const address = `${row[4]}.${row[5]}.${row[6]}`;
    expect(printedValue(format.cell(address)!, row[8] === "" ? null : row[8]), address).toBe(shown[address]);
  }

  const json = await download(page, "JSON");
  expect(json.name).toBe(`${base}.json`);
  const document = JSON.parse(json.bytes.toString("utf8")) as { unit: { code: string }; applications: Record<string, Record<string, number>> };
  expect(document.unit.code).toBe(UNIT);
  expect(String(document.applications.new_received!.total)).toBe(shown["applications.new_received.total"]);
  const validate = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", "validate", json.path], { encoding: "utf8" });
  expect(validate.status, validate.stderr).toBe(0);
  expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true, errors: 0 });
});

test("the clerk downloads their own published report; another unit and their unfinished 2026 report are 'not found'", async ({ page }) => {
  await signInAndWait(page, "clerk", /\/fill\/2026$/);
  await expect(page.getByTestId("report-downloads")).toHaveCount(0);
  await page.goto(`/fill/${YEAR}`);
  const shown = await printedOnPage(page);
  const word = await download(page, "Word");
  expect(word.name).toBe(`${unitName("yuhai-town")}${YEAR}年政府信息公开工作年度报告-v1.docx`);
  const doc = await readDocx(word.bytes);
  const values = docxGrid(doc.tables[1]!).map((c) => c.text);
  expect(values).toContain(shown["applications.new_received.total"]);
  const csv = await download(page, "CSV");
  expect(parseCsv(csv.bytes.toString("utf8")).length - 1).toBe(format.cells.length);

  const other = await page.request.get(`/api/reports/${YEAR}/hexi-town/download/docx`);
  expect(other.status()).toBe(404);
  expect((await other.json()).error).toContain("不在您的管理范围内");
  const draft = await page.request.get(`/api/reports/2026/yuhai-town/download/json`);
  expect(draft.status()).toBe(404);
  expect(draft.headers()["content-type"]).toContain("application/json");
  // A draft (if an earlier spec saved one) or not yet started: either way the message says when it can be had.
  expect((await draft.json()).error).toMatch(/审核通过后才能下载|尚未开始填报/);
});

test("signed out: 401 JSON; an unknown format: 404", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const out = await anonymous.get(`/api/reports/${YEAR}/${UNIT}/download/docx`);
  expect(out.status()).toBe(401);
  expect((await out.json()).error).toContain("登录");
  await anonymous.dispose();
  await signInAndWait(page, "supervisor", /\/review\/2026$/);
  expect((await page.request.get(`/api/reports/${YEAR}/${UNIT}/download/pdf`)).status()).toBe(404);
});
