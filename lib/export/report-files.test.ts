// The downloads of a finished report: the one-sheet Excel file (layout, figures, narratives as text), CSV with the
// formula guard, JSON that parses back to the report, and file names with unit, year and version.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  computeTotals,
  CSV_HEADER,
  getFormat,
  narrativeToBlocks,
  parseInterchange,
  type FormatVersion,
  type ReportData,
} from "@/lib/report-format";
import { fixture, zeroReport } from "@/tests/support/report-format";
import { buildReportFile, contentDisposition, DOWNLOAD_FORMATS, reportFileName } from "./report-files";
import { parseCsv, readDocx } from "@/tests/support/downloads";
import { placeTable } from "./xlsx-layout";
import { REPORT_SHEET } from "./xlsx-meta";

const INJECTED = "=HYPERLINK(\"http://evil.example\",\"点击\")";

function report(version: FormatVersion): ReportData {
  const format = getFormat(version);
  const r = zeroReport(version, {}, { year: version === "2019" ? 2020 : 2025, unit: { code: "yuhai-town", name: "同心县豫海镇人民政府" } });
  format.inputCells.forEach((cell, i) => {
    if (cell.kind === "money") r.values[cell.address] = version === "2019" ? "123456789012345.123456" : "7730.28";
    else if (cell.kind === "signed_count") r.values[cell.address] = "-3";
    else r.values[cell.address] = i % 7 === 3 ? null : String(i * 7);
  });
  r.narratives = { s1: `${INJECTED}\n\n**一是**加强领导。`, s5: "+1 也是文字。", s6: "@SUM(1) 同样。" };
  return r;
}

describe.each(["2019", "2021"] as const)("the %s report's downloads", (version) => {
  const r = report(version);
  const format = getFormat(version);
  const totals = computeTotals(format, r.values);

  it("Excel: one sheet in the official layout; figures as stored; narratives are text, never formulas", async () => {
    const file = await buildReportFile("xlsx", r, { version: 2, publishedAt: new Date("2026-03-31T02:00:00Z"), correctionNote: "更正。" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([REPORT_SHEET]);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.RichText) texts.push(cell.text);
      }),
    );
    expect(formulas).toBe(0);
    expect(texts[0]).toBe(`${r.unit.name}${r.year}年政府信息公开工作年度报告`);
    expect(texts).toContain("更正说明（第2版）：更正。");
    expect(texts).toContain(INJECTED);
    expect(texts).toContain("一是加强领导。");
    for (const s of format.sections) if (s.title) expect(texts).toContain(s.title);
    for (const t of format.tables) for (const row of [...t.header, ...t.body]) for (const c of row.cells) {
      if (c.type === "header") expect(texts.some((x) => x.startsWith(c.label))).toBe(true);
    }
    // Every figure of the report (computed totals included) is in its own cell of the official grid, as a number or,
    // when a double could not hold it exactly, as its decimal string; a blank stays an empty cell.
    const values = { ...r.values, ...totals };
    let checked = 0;
    for (const table of format.tables) {
      const first = placeTable(table, 1).placed[0]!;
      if (first.cell.type !== "header") throw new Error("a table starts with a header cell");
      const label = first.cell.label;
      let start = 0;
      ws.eachRow((row, n) => {
        if (!start && String(row.getCell(1).text).startsWith(label) && n > 3) start = n;
      });
      expect(start, table.id).toBeGreaterThan(0);
      for (const p of placeTable(table, start).placed) {
        if (p.cell.type !== "value") continue;
        const value = values[p.cell.address] ?? null;
        const got = ws.getCell(p.row, p.col).value;
        expect(got === null || got === undefined || got === "" ? null : String(got), p.cell.address).toBe(value);
        checked++;
      }
    }
    expect(checked).toBe(format.cells.length);
    // The merges are the layout's spans (plus the full-width rows of title, headings and narratives).
    const width = Math.max(...format.tables.map((t) => t.columnCount));
    const shape = (rows: number, cols: number) => `${rows}x${cols}`;
    const merged = (ws.model as unknown as { merges: string[] }).merges.map((range) => {
      const [from, to] = range.split(":").map((ref) => ws.getCell(ref!));
      return shape(Number(to!.row) - Number(from!.row) + 1, Number(to!.col) - Number(from!.col) + 1);
    });
    const spans = format.tables.flatMap((t) => placeTable(t, 1).placed.filter((p) => p.rowspan > 1 || p.colspan > 1).map((p) => shape(p.rowspan, p.colspan)));
    expect(merged.filter((m) => m !== shape(1, width)).sort()).toEqual(spans.sort());
    const bold = narrativeToBlocks(r.narratives.s1!).paragraphs[1]!.segments[0]!;
    const lead = ws.getColumn(1).values.find((v) => typeof v === "object" && v !== null && "richText" in v) as ExcelJS.CellRichTextValue;
    expect(lead.richText[0]).toMatchObject({ text: bold.text, font: { bold: true } });
  });

  it("CSV: BOM, the spec's header, one row per cell, and text columns guarded against formulas", async () => {
    const guarded = { ...r, unit: { code: r.unit.code, name: INJECTED } };
    const file = await buildReportFile("csv", guarded);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.length - 1).toBe(format.cells.length);
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe(`'${INJECTED}`);
      // Only the value column may start with "-" (a negative 本年增/减); nothing starts with = + @.
      row.forEach((field, i) => expect(/^[=+@]/.test(field) || (i !== 8 && field.startsWith("-"))).toBe(false));
    }
    // The CSV of spec §5 holds the cells only: the narratives, "=…" included, are in the JSON, Word and Excel files.
    expect(text).not.toContain("一是加强领导");
  });

  it("JSON: the interchange document, which parses back to the same report", async () => {
    const file = await buildReportFile("json", r);
    const parsed = parseInterchange(JSON.parse(new TextDecoder().decode(file.bytes)));
    expect(parsed.report).toEqual(r);
    // The figures are not rule-clean (that is the validator's business); the document itself reads without a complaint.
    expect(parsed.issues.filter((i) => i.rule === "GEN-STRUCT" || i.rule === "GEN-INT")).toEqual([]);
  });
});

describe("file names and types", () => {
  it("names carry unit, year and version; ASCII fallback and RFC 5987 name in Content-Disposition", async () => {
    const r = parseInterchange(fixture("tongxin-2019")).report;
    for (const format of DOWNLOAD_FORMATS) {
      const file = await buildReportFile(format, r, { version: 3 });
      expect(file.fileName).toBe(`同心县人民政府办公室2019年政府信息公开工作年度报告-v3.${format}`);
      expect(file.asciiFileName).toBe(`nianbao-tongxin-gov-office-2019-v3.${format}`);
      expect(contentDisposition(file)).toBe(
        `attachment; filename="nianbao-tongxin-gov-office-2019-v3.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
    }
    expect(reportFileName("同心县/豫海镇", 2025, "docx")).toBe("同心县_豫海镇2025年政府信息公开工作年度报告.docx");
    expect((await buildReportFile("docx", r)).contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await buildReportFile("csv", r)).contentType).toBe("text/csv; charset=utf-8");
  });

  it("the Word file is the same document reportToDocx writes, with the version's correction note", async () => {
    const file = await buildReportFile("docx", report("2021"), { version: 2, correctionNote: "更正。" });
    const doc = await readDocx(file.bytes);
    expect(doc.paragraphs[1]!.text).toBe("更正说明（第2版）：更正。");
  });
});
