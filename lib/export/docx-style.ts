// The Word document's typography (GB/T 9704 habits, docs/design.md): fonts with their fallbacks, sizes, units.
import type { IFontAttributesProperties } from "docx";

/** Font names as Word knows them; FALLBACKS below says what Word shows when one is not installed. */
export const FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  pageNumber: "宋体",
} as const;

/** Each font's fallback (the font table's altName), as design.md lists them. */
const FALLBACKS: Record<string, string> = {
  方正小标宋简体: "黑体",
  仿宋_GB2312: "仿宋",
  黑体: "SimHei",
  仿宋: "FangSong",
  宋体: "SimSun",
};

/** Half-points: 二号 22 pt title, 三号 16 pt body and headings, 五号 10.5 pt tables, 四号 14 pt page numbers. */
export const SIZES = { title: 44, body: 32, table: 21, pageNumber: 28 } as const;

/** Millimetres to twips (1/1440 inch), rounded. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** One font for every script of a run, East Asian included, so Chinese text and digits share it. */
export function fontOf(name: string): IFontAttributesProperties {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" };
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** word/fontTable.xml: every font and fallback with the GB2312 character set (86), so Word substitutes a Chinese font. */
export const FONT_TABLE_XML = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
  `<w:fonts xmlns:w="${W}">`,
  ...Object.entries(FALLBACKS).map(
    ([name, alt]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  ),
  `</w:fonts>`,
].join("");
