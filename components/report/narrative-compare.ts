// Which paragraphs of a narrative are still word for word last year's (年年雷同 check), paragraph by paragraph.
import { narrativeToBlocks } from "@/lib/report-format";

/**
 * A paragraph as the reader sees it: bold markers dropped (making a lead-in bold does not make the text new),
 * white space collapsed to one space and trimmed.
 */
export function normaliseParagraph(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/gu, " ").trim();
}

/** The printed paragraphs of a narrative, normalised, in the order narrativeToBlocks renders them. */
export function normalisedParagraphs(text: string): string[] {
  return narrativeToBlocks(text).paragraphs.map((p) => normaliseParagraph(p.segments.map((s) => s.text).join("")));
}

/**
 * For each printed paragraph of `current` (index-aligned with narrativeToBlocks(current).paragraphs): true when
 * it is identical to some paragraph of `previous`. Empty paragraphs never count.
 */
export function sameAsPrevious(current: string, previous: string): boolean[] {
  const before = new Set(normalisedParagraphs(previous).filter((p) => p !== ""));
  return normalisedParagraphs(current).map((p) => p !== "" && before.has(p));
}

/** How many paragraphs of `current` are identical to one of `previous`. */
export function countSameAsPrevious(current: string, previous: string): number {
  return sameAsPrevious(current, previous).filter(Boolean).length;
}
