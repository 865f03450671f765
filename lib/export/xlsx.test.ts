// The report workbook round trip over both formats: values survive, totals are locked formulas with the right
// values, merges follow the layout spans, and damaged, oversized, foreign or misaddressed workbooks are refused.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeTotals, getFormat, layoutColumnCount, type FormatVersion, type ReportData } from "@/lib/report-format";
import { zeroReport } from "@/tests/support/report-format";
import { placeTable } from "./xlsx-layout";
import { META_SHEET, REPORT_SHEET } from "./xlsx-meta";
import { numberText, readReportWorkbook, XlsxImportError, type XlsxRefusal } from "./xlsx-read";
import { buildReportWorkbook, cellRef } from "./xlsx-report";

const VERSIONS: FormatVersion[] = ["2019", "2021"];
const EXPORTED = new Date("2026-11-30T08:00:00Z");

/** Every kind of value a report holds: blanks, zeros, counts, negatives, money with and without decimals. */
function variedReport(version: FormatVersion): ReportData {
  const format = getFormat(version);
  const report = zeroReport(version, {}, { year: version === "2019" ? 2020 : 2026, unit: { code: "yuhai-town", name: "同心县豫海镇人民政府" } });
  format.inputCells.forEach((cell, i) => {
    if (cell.kind === "money") report.values[cell.address] = version === "2019" ? "123456789012345.123456" : "7730.28";
    else if (cell.kind === "signed_count") report.values[cell.address] = "-3";
    else report.values[cell.address] = i % 9 === 4 ? null : String((i * 131) % 997);
  });
  return report;
}

const expectedOf = (r: ReportData) => ({ unitCode: r.unit.code, unitName: r.unit.name, year: r.year, formatVersion: r.formatVersion });

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

async function refusal(bytes: Uint8Array, report: ReportData): Promise<XlsxRefusal> {
  try {
    await readReportWorkbook(bytes, expectedOf(report));
  } catch (err) {
    if (err instanceof XlsxImportError) {
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
      return err.reason;
    }
    throw err;
  }
  throw new Error("the workbook was accepted");
}

/** Cell refs a mapped address points at, read from the hidden sheet. */
function refsOf(wb: ExcelJS.Workbook): Map<string, string> {
  const meta = wb.getWorksheet(META_SHEET)!;
  const refs = new Map<string, string>();
  meta.eachRow((row) => {
    const [address, ref] = [row.getCell(1).value, row.getCell(2).value];
    if (typeof address === "string" && typeof ref === "string" && address.includes(".")) refs.set(address, ref);
  });
  return refs;
}

/** Evaluates "SUM(D5:I5)" / "SUM(D5,D7)" over the sheet's numbers, treating blanks as 0. */
function evaluateSum(ws: ExcelJS.Worksheet, formula: string): number {
  const inner = /^SUM\((.*)\)$/.exec(formula)![1]!;
  let sum = 0;
  for (const part of inner.split(",")) {
    const [from, to = from] = part.split(":");
    const a = ws.getCell(from!);
    const b = ws.getCell(to!);
    for (let r = Number(a.row); r <= Number(b.row); r++) {
      for (let c = Number(a.col); c <= Number(b.col); c++) {
        const v = ws.getCell(r, c).value;
        sum += typeof v === "number" ? v : v && typeof v === "object" && "formula" in v && v.formula ? evaluateSum(ws, v.formula) : 0;
      }
    }
  }
  return sum;
}

describe.each(VERSIONS)("report workbook, %s format", (version) => {
  const format = getFormat(version);
  const report = variedReport(version);

  it("reads back every input cell exactly as stored, blanks included", async () => {
    const buf = await buildReportWorkbook(report, EXPORTED);
    const read = await readReportWorkbook(buf, expectedOf(report));
    expect(read.refused).toEqual([]);
    expect(read.values).toEqual(report.values);
    expect(read.meta).toMatchObject({ unitCode: "yuhai-town", year: report.year, formatVersion: version, exportedAt: EXPORTED.toISOString() });
  });

  it("holds totals as locked SUM formulas whose value is the computed total; inputs are unlocked; the sheet is protected", async () => {
    const wb = await load(await buildReportWorkbook(report, EXPORTED));
    const ws = wb.getWorksheet(REPORT_SHEET)!;
    const refs = refsOf(wb);
    const totals = computeTotals(format, report.values);
    expect(wb.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    for (const cell of format.cells) {
      const sheetCell = ws.getCell(refs.get(cell.address)!);
      if (cell.kind === "total") {
        const value = sheetCell.value as ExcelJS.CellFormulaValue;
        expect(value.formula).toMatch(/^SUM\(/);
        expect(String(evaluateSum(ws, value.formula))).toBe(totals[cell.address]);
        expect(String(value.result ?? 0)).toBe(totals[cell.address]);
        expect(sheetCell.protection?.locked).not.toBe(false);
      } else {
        expect(sheetCell.protection?.locked).toBe(false);
        expect(sheetCell.value === null ? null : "filled").toBe(report.values[cell.address] === null ? null : "filled");
      }
    }
  });

  it("merges exactly the layout's spans, puts every label in place, and names money units in the header", async () => {
    const wb = await load(await buildReportWorkbook(report, EXPORTED));
    const ws = wb.getWorksheet(REPORT_SHEET)!;
    const refs = refsOf(wb);
    const expected = new Set<string>();
    for (const table of format.tables) {
      expect(new Set(layoutColumnCount(table))).toEqual(new Set([table.columnCount]));
      const first = format.cells.find((c) => c.table === table.id)!;
      const firstRef = ws.getCell(refs.get(first.address)!);
      const firstPlaced = placeTable(table, 0).placed.find((p) => p.cell.type === "value")!;
      const { placed } = placeTable(table, Number(firstRef.row) - firstPlaced.row);
      for (const p of placed) {
        if (p.rowspan > 1 || p.colspan > 1) expected.add(`${cellRef(p.row, p.col)}:${cellRef(p.row + p.rowspan - 1, p.col + p.colspan - 1)}`);
        if (p.cell.type === "header") expect(String(ws.getCell(p.row, p.col).value)).toContain(p.cell.label);
        else expect(refs.get(p.cell.address)).toBe(cellRef(p.row, p.col));
      }
      expected.add(`A${Number(firstRef.row) - firstPlaced.row - 1}:${cellRef(Number(firstRef.row) - firstPlaced.row - 1, table.columnCount)}`);
    }
    const width = Math.max(...format.tables.map((t) => t.columnCount));
    expected.add(`A1:${cellRef(1, width)}`).add(`A2:${cellRef(2, width)}`);
    expect(new Set(ws.model.merges)).toEqual(expected);
    const money = format.inputCells.find((c) => c.kind === "money")!;
    const moneyRow = ws.getCell(refs.get(money.address)!).row;
    const headerTexts = ws.getRow(Number(moneyRow) - 1).values as unknown[];
    expect(headerTexts.some((t) => typeof t === "string" && t.includes(`单位：${money.canonicalUnit}`))).toBe(true);
  });

  it("reads what a person typed in Excel: numbers, full-width text, formulas; refuses dates, errors and invalid figures", async () => {
    const wb = await load(await buildReportWorkbook(report, EXPORTED));
    const ws = wb.getWorksheet(REPORT_SHEET)!;
    const refs = refsOf(wb);
    const counts = format.inputCells.filter((c) => c.kind === "count");
    const money = format.inputCells.find((c) => c.kind === "money")!;
    const at = (address: string) => ws.getCell(refs.get(address)!);
    at(money.address).value = 7730.28;
    at(counts[0]!.address).value = "１２";
    at(counts[1]!.address).value = { formula: "2+3", result: 5 };
    at(counts[2]!.address).value = null;
    at(counts[3]!.address).value = 1.5;
    // Typing a date makes Excel switch the cell to a date format.
    at(counts[4]!.address).value = new Date("2026-01-02T00:00:00Z");
    // (A fresh style object: a loaded workbook's cells share theirs.)
    at(counts[4]!.address).style = { ...at(counts[4]!.address).style, numFmt: "yyyy-mm-dd" };
    at(counts[5]!.address).value = { error: "#VALUE!" };
    const read = await readReportWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), expectedOf(report));
    expect(read.values[money.address]).toBe("7730.28");
    expect(read.values[counts[0]!.address]).toBe("12");
    expect(read.values[counts[1]!.address]).toBe("5");
    expect(read.values[counts[2]!.address]).toBeNull();
    expect(read.refused.map((r) => [r.cell, r.text])).toEqual([
      [counts[3]!.address, "1.5"],
      [counts[4]!.address, "2026-01-02"],
      [counts[5]!.address, "#VALUE!"],
    ]);
    expect(read.refused[0]!.message).toContain("不能填小数");
  });
});

describe("refusals", () => {
  const report = variedReport("2021");

  it("refuses damaged, truncated, old-format and oversized files", async () => {
    const buf = await buildReportWorkbook(report, EXPORTED);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect(await refusal(random, report)).toBe("damaged");
    expect(await refusal(buf.subarray(0, buf.length / 2), report)).toBe("damaged");
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...random]), report)).toBe("damaged");
    expect(await refusal(new Uint8Array(2 * 1024 * 1024 + 1), report)).toBe("too_large");
  });

  it("refuses a workbook that was not downloaded from the system, or whose mapping was altered", async () => {
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Sheet1").getCell("A1").value = "一、本年新收政府信息公开申请数量";
    expect(await refusal(new Uint8Array(await foreign.xlsx.writeBuffer()), report)).toBe("foreign");

    const wb = await load(await buildReportWorkbook(report, EXPORTED));
    const meta = wb.getWorksheet(META_SHEET)!;
    meta.getCell("B12").value = "not a ref";
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()), report)).toBe("damaged");
    wb.removeWorksheet(wb.getWorksheet(REPORT_SHEET)!.id);
    meta.getCell("B12").value = "B8";
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()), report)).toBe("damaged");
  });

  it("refuses another unit's, another year's and another format's workbook, naming it", async () => {
    const buf = await buildReportWorkbook(report, EXPORTED);
    const other = { ...report, unit: { code: "hexi-town", name: "同心县河西镇人民政府" } };
    await expect(readReportWorkbook(await buildReportWorkbook(other, EXPORTED), expectedOf(report))).rejects.toThrow(/同心县河西镇人民政府/);
    expect(await refusal(buf, { ...report, year: 2025 })).toBe("other_year");
    const old = { ...variedReport("2019"), year: 2026, unit: report.unit };
    expect(await refusal(await buildReportWorkbook(old, EXPORTED), report)).toBe("other_format");
  });
});

describe("numberText", () => {
  it("gives the decimal a person typed, exponent forms written out", () => {
    expect(numberText(7730.28)).toBe("7730.28");
    expect(numberText(-3)).toBe("-3");
    expect(numberText(0.000001)).toBe("0.000001");
    expect(numberText(1.5e-7)).toBe("0.00000015");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(1.25e22)).toBe("12500000000000000000000");
  });
});
