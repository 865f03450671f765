// Narrative text helpers: plain text + **bold** to paragraph blocks, length counting, quoted application figures.

import { normaliseNumberText } from "./cell-input";

export interface NarrativeSegment {
  text: string;
  bold: boolean;
}
export interface NarrativeBlocks {
  paragraphs: { segments: NarrativeSegment[] }[];
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Line breaks inside a paragraph come from editors wrapping text; Chinese joins without a space. */
function foldLines(paragraph: string): string {
  const lines = paragraph.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines.reduce((joined, line) => {
    if (joined === "") return line;
    const glue = CJK.test(joined.slice(-1)) || CJK.test(line.charAt(0)) ? "" : " ";
    return joined + glue + line;
  }, "");
}

function segmentsOf(paragraph: string): NarrativeSegment[] {
  const parts = paragraph.split("**");
  // An odd marker count leaves the last "**" unmatched: it is literal text, not the start of bold.
  if (parts.length % 2 === 0) {
    const last = parts.pop() ?? "";
    parts[parts.length - 1] += `**${last}`;
  }
  const segments: NarrativeSegment[] = [];
  parts.forEach((text, i) => {
    if (text === "") return;
    const bold = i % 2 === 1;
    const previous = segments[segments.length - 1];
    if (previous && previous.bold === bold) previous.text += text;
    else segments.push({ text, bold });
  });
  return segments;
}

/** Never interprets HTML: angle brackets stay text and renderers escape them. */
export function narrativeToBlocks(text: string): NarrativeBlocks {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u3000]*\n/)
    .map(foldLines)
    .filter((p) => p !== "")
    .map((p) => ({ segments: segmentsOf(p) }));
  return { paragraphs };
}

/** Printed length: bold markers are not printed and white space is not counted (NARR-LEN). */
export function narrativeLength(text: string): number {
  let count = 0;
  for (const ch of text.replace(/\*\*/g, "")) {
    if (!/\s/u.test(ch)) count += 1;
  }
  return count;
}

/** Sentences as NARR-NUM reads them: split on 。！？； and line breaks. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\*\*/g, "")
    .split(/[。！？；!?;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const RECEIVED_RE = /(?:收到|新收|受理)[^。！？；]*?申请[^。！？；\d０-９]*?([\d０-９][\d０-９,，]*)\s*件/u;

/** Figures quoted as "收到/新收/受理 … 申请 … N 件" in s1, one per sentence, as canonical integers. */
export function quotedApplicationFigures(text: string): string[] {
  const figures: string[] = [];
  for (const sentence of sentencesOf(text)) {
    const match = RECEIVED_RE.exec(sentence);
    if (!match) continue;
    const digits = normaliseNumberText(match[1]).replace(/,/g, "").replace(/^0+(?=\d)/, "");
    figures.push(digits);
  }
  return figures;
}
