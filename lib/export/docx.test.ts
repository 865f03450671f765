// The Word writer over both formats and the real 同心县 2019 report, read back through its XML: the layout's merges
// cell by cell, every label and figure, bold totals and lead-ins, A4 with the GB/T 9704 margins, fonts, page numbers.
import { describe, expect, it } from "vitest";
import {
  computeTotals,
  getFormat,
  narrativeToBlocks,
  parseInterchange,
  printedValue,
  type FormatVersion,
  type NarrativeId,
  type ReportData,
} from "@/lib/report-format";
import { fixture, zeroReport } from "@/tests/support/report-format";
import { reportToDocx } from "./docx-report";
import { docxGrid, readDocx, type DocxContents } from "@/tests/support/downloads";
import { placeTable } from "./xlsx-layout";

/** Blanks, zeros, counts, a negative 本年增/减, money with decimals, and narratives with bold lead-ins and markup. */
function variedReport(version: FormatVersion): ReportData {
  const format = getFormat(version);
  const report = zeroReport(version, {}, { year: version === "2019" ? 2020 : 2025, unit: { code: "yuhai-town", name: "同心县豫海镇人民政府" } });
  format.inputCells.forEach((cell, i) => {
    if (cell.kind === "money") report.values[cell.address] = version === "2019" ? "123456789012.5" : "7730.28";
    else if (cell.kind === "signed_count") report.values[cell.address] = "-3";
    else report.values[cell.address] = i % 9 === 4 ? null : String((i * 131) % 997);
  });
  report.narratives = {
    preamble: "根据《条例》规定编制本报告。",
    s1: "**一是**制度健全。<b>不是标签</b> & 其他。\n\n**二是**平台完善，公开 12 件。",
    s5: "=SUM(A1:A9) 开头的段落也只是文字。",
    s6: "本年度未收取信息处理费。",
  };
  return report;
}

const tongxin = parseInterchange(fixture("tongxin-2019")).report;
const CASES: [string, ReportData][] = [
  ["2019", variedReport("2019")],
  ["2021", variedReport("2021")],
  ["tongxin-2019", tongxin],
];

const cache = new Map<ReportData, Promise<DocxContents>>();
const open = (report: ReportData) => {
  if (!cache.has(report)) cache.set(report, reportToDocx(report).then((b) => readDocx(new Uint8Array(b))));
  return cache.get(report)!;
};

describe.each(CASES)("the %s report as .docx", (_name, report) => {
  const format = getFormat(report.formatVersion);
  const values = { ...report.values, ...computeTotals(format, report.values) };

  it("has the three tables with exactly the layout's merged cells, labels and figures", async () => {
    const doc = await open(report);
    expect(doc.tables).toHaveLength(format.tables.length);
    format.tables.forEach((table, t) => {
      const expected = placeTable(table, 1).placed.map((p) => {
        const def = p.cell.type === "value" ? format.cell(p.cell.address)! : undefined;
        return {
          row: p.row,
          col: p.col,
          rowspan: p.rowspan,
          colspan: p.colspan,
          text: p.cell.type === "header" ? p.cell.label : printedValue(def!, values[p.cell.address]),
          bold: def?.kind === "total" && values[def.address] !== null,
          centred: true,
        };
      });
      expect(docxGrid(doc.tables[t]!)).toEqual(expected);
    });
  });

  it("counts of gridSpan and vMerge match the layout spans", async () => {
    const doc = await open(report);
    format.tables.forEach((table, t) => {
      const placed = placeTable(table, 1).placed;
      const cells = doc.tables[t]!.flat();
      expect(cells.filter((c) => c.gridSpan > 1).length).toBe(
        placed.filter((p) => p.colspan > 1).reduce((n, p) => n + p.rowspan, 0),
      );
      expect(cells.filter((c) => c.vMerge === "restart").length).toBe(placed.filter((p) => p.rowspan > 1).length);
      expect(cells.filter((c) => c.vMerge === "continue").length).toBe(placed.reduce((n, p) => n + p.rowspan - 1, 0));
    });
  });

  it("prints the title, the section titles in order and every narrative paragraph with its bold runs", async () => {
    const doc = await open(report);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts[0]).toBe(`${report.unit.name}${report.year}年政府信息公开工作年度报告`);
    const titles = format.sections.map((s) => s.title).filter((t) => t !== "");
    expect(texts.filter((t) => titles.includes(t))).toEqual(titles);
    let from = 0;
    for (const section of format.sections.filter((s) => s.kind === "text")) {
      for (const p of narrativeToBlocks(report.narratives[section.id as NarrativeId] ?? "").paragraphs) {
        const at = doc.paragraphs.findIndex((q, i) => i >= from && q.text === p.segments.map((s) => s.text).join(""));
        expect(at, p.segments[0]?.text).toBeGreaterThan(0);
        expect(doc.paragraphs[at]!.boldTexts).toEqual(p.segments.filter((s) => s.bold).map((s) => s.text));
        expect(doc.paragraphs[at]!.xml).toContain('w:firstLineChars="200"');
        from = at + 1;
      }
    }
  });

  it("is A4 portrait with the GB/T 9704 margins, page numbers in the footers and the fonts of design.md", async () => {
    const doc = await open(report);
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc.documentXml)![1]!;
    // 37, 35, 28 and 26 mm in twips.
    for (const [side, twips] of [["top", 2098], ["bottom", 1984], ["left", 1587], ["right", 1474]] as const) {
      expect(margin).toContain(`w:${side}="${twips}"`);
    }
    expect(doc.footers).toHaveLength(2);
    for (const footer of doc.footers) {
      expect(footer).toMatch(/— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*> —<\/w:t>/);
    }
    expect(doc.settingsXml).toContain("<w:evenAndOddHeaders/>");
    const title = doc.paragraphs[0]!.xml;
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    const heading = doc.paragraphs.find((p) => p.text === format.sections[1]!.title)!.xml;
    expect(heading).toContain('w:eastAsia="黑体"');
    const body = doc.paragraphs.find((p) => p.text.length > 0 && p.text === narrativeToBlocks(report.narratives.s1 ?? "").paragraphs[0]?.segments.map((s) => s.text).join(""))!.xml;
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.fontTableXml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"/>');
    expect(doc.fontTableXml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(doc.documentXml).toContain("<w:tblBorders>");
  });
});

describe("document details", () => {
  it("prints the preamble only when there is one, and no signature or correction note without a publication", async () => {
    const report = variedReport("2021");
    const without = await readDocx(new Uint8Array(await reportToDocx({ ...report, narratives: { s1: "正文。" } })));
    expect(without.paragraphs.map((p) => p.text)).not.toContain("根据《条例》规定编制本报告。");
    expect(without.documentXml).not.toContain("更正说明");
    const withIt = await open(report);
    expect(withIt.paragraphs[1]!.text).toBe("根据《条例》规定编制本报告。");
  });

  it("a correction prints its note under the title and the publication ends with the unit and the date", async () => {
    const report = variedReport("2021");
    const doc = await readDocx(
      new Uint8Array(await reportToDocx(report, { version: 2, publishedAt: new Date("2026-03-30T17:00:00Z"), correctionNote: "更正表三的数字。" })),
    );
    expect(doc.paragraphs[1]!.text).toBe("更正说明（第2版）：更正表三的数字。");
    expect(doc.paragraphs.slice(-2).map((p) => p.text)).toEqual([report.unit.name, "2026年3月31日"]);
  });

  it("keeps markup as text: angle brackets and ampersands are escaped, a leading = is plain text", async () => {
    const doc = await open(variedReport("2019"));
    expect(doc.documentXml).toContain("&lt;b&gt;不是标签&lt;/b&gt; &amp; 其他。");
    expect(doc.paragraphs.some((p) => p.text === "=SUM(A1:A9) 开头的段落也只是文字。")).toBe(true);
    expect(doc.documentXml).not.toContain("<b>");
  });

  it("a blank report prints empty value cells, not zeros", async () => {
    const format = getFormat("2021");
    const blank = zeroReport("2021", Object.fromEntries(format.inputCells.map((c) => [c.address, null])));
    const doc = await readDocx(new Uint8Array(await reportToDocx(blank)));
    const valueTexts = format.tables.flatMap((table, t) => {
      const placed = placeTable(table, 1).placed;
      return docxGrid(doc.tables[t]!).filter((_, i) => placed[i]!.cell.type === "value").map((c) => c.text);
    });
    // Totals of blank cells are computed as 0 (blank counts as 0); input cells stay empty.
    expect(valueTexts.filter((t) => t !== "" && t !== "0")).toEqual([]);
    expect(valueTexts.filter((t) => t === "").length).toBe(format.inputCells.length);
  });
});
