// Writes one unit's report as a .docx in the official layout (GB/T 9704 habits: A4, its margins and fonts, "— N —"
// page numbers), driven only by lib/report-format: section titles, table labels and merges all come from the format.
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
  type ISectionOptions,
} from "docx";
import { computeTotals, getFormat, narrativeToBlocks, type NarrativeId, type ReportData } from "@/lib/report-format";
import { reportTable } from "./docx-table";
import { FONTS, FONT_TABLE_XML, fontOf, SIZES, mm } from "./docx-style";
import { chineseDate, correctionLabel, type PublicationMeta } from "./publication";

/** GB/T 9704: A4 portrait; top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;
/** Body lines at a fixed 28 pt, close to the standard's 22 lines of 28 characters. */
const BODY_LINE = 560;
const TWO_CHARS = 2 * SIZES.body * 10;

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: fontOf(font), size, ...extra });
}

function bodyParagraph(children: TextRun[], indent = true): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: TWO_CHARS, firstLineChars: 200 } : undefined,
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
  });
}

function titleParagraphs(unitName: string, year: number): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 600, line: 700, lineRule: LineRuleType.EXACT },
      children: [
        run(unitName, FONTS.title, SIZES.title),
        new TextRun({ break: 1 }),
        run(`${year}年政府信息公开工作年度报告`, FONTS.title, SIZES.title),
      ],
    }),
  ];
}

function narrativeParagraphs(text: string | undefined): Paragraph[] {
  return narrativeToBlocks(text ?? "").paragraphs.map((p) =>
    bodyParagraph(p.segments.map((s) => run(s.text, FONTS.body, SIZES.body, s.bold ? { bold: true } : {}))),
  );
}

function correctionParagraph(meta: PublicationMeta): Paragraph[] {
  if (!meta.correctionNote) return [];
  return [bodyParagraph([run(correctionLabel(meta), FONTS.heading, SIZES.body), run(meta.correctionNote, FONTS.body, SIZES.body)])];
}

/** The signature block: the unit and the date of publication, right-aligned. */
function signature(unitName: string, publishedAt: Date | undefined): Paragraph[] {
  if (!publishedAt) return [];
  const line = (text: string, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: TWO_CHARS * 2 },
      spacing: { before, line: BODY_LINE, lineRule: LineRuleType.EXACT },
      children: [run(text, FONTS.body, SIZES.body)],
    });
  return [line(unitName, BODY_LINE), line(chineseDate(publishedAt))];
}

/** GB/T 9704 page numbers: "— N —", odd pages on the right and even pages on the left, one character in. */
function pageNumberFooter(alignment: "right" | "left"): Footer {
  const one = SIZES.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === "right" ? { right: one } : { left: one },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: fontOf(FONTS.pageNumber), size: SIZES.pageNumber }),
        ],
      }),
    ],
  });
}

function body(report: ReportData, meta: PublicationMeta): ISectionOptions["children"] {
  const format = getFormat(report.formatVersion);
  const values = { ...report.values, ...computeTotals(format, report.values) };
  const children: (Paragraph | ReturnType<typeof reportTable>)[] = [...titleParagraphs(report.unit.name, report.year), ...correctionParagraph(meta)];
  for (const section of format.sections) {
    if (section.title) {
      children.push(
        new Paragraph({
          keepNext: true,
          indent: { firstLine: TWO_CHARS, firstLineChars: 200 },
          spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
          children: [run(section.title, FONTS.heading, SIZES.body)],
        }),
      );
    }
    if (section.kind === "text") {
      children.push(...narrativeParagraphs(report.narratives[section.id as NarrativeId]));
      continue;
    }
    for (const table of format.tables.filter((t) => t.id === section.table)) {
      children.push(reportTable(table, format, values, PAGE.width - PAGE.margin.left - PAGE.margin.right));
      // Word needs a paragraph after a table; it also keeps two tables from running together.
      children.push(new Paragraph({ spacing: { after: 0, line: 240 }, children: [] }));
    }
  }
  children.push(...signature(report.unit.name, meta.publishedAt));
  return children;
}

/** The document as bytes. Nothing in it is typed here: every label and figure comes from the format and the report. */
export async function reportToDocx(report: ReportData, meta: PublicationMeta = {}): Promise<Buffer> {
  const format = getFormat(report.formatVersion);
  const doc = new Document({
    creator: "年报 Nianbao",
    title: `${report.unit.name}${report.year}年政府信息公开工作年度报告`,
    subject: `${format.notice}格式`,
    description: meta.version ? `第${meta.version}版` : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontOf(FONTS.body), size: SIZES.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(15), footer: mm(24) },
          },
        },
        footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
        children: body(report, meta),
      },
    ],
  });
  // docx writes an empty font table; ours names each font's fallback (altName) and its GB2312 character set, so
  // Word substitutes 黑体 for a missing 方正小标宋简体 and 仿宋 for a missing 仿宋_GB2312.
  return Packer.toBuffer(doc, false, [{ path: "word/fontTable.xml", data: FONT_TABLE_XML }]);
}
