// Live figures in narratives: `{{<cell address>}}` stands for a cell's value and is replaced when the text is shown.
//
// Syntax (docs/interchange.md §1): two braces, a cell address of the report's format (input or total cell, e.g.
// `{{applications.new_received.total}}`), two braces; no spaces inside. The value printed is the cell's canonical
// decimal string (money in its canonical unit, without the unit: write 万元/元 after the token), a blank cell prints
// "（空）". Anything else between braces, or an address the format does not have, stays as typed. Substitution is
// plain text: values are decimal strings, and renderers escape everything anyway.

import type { CellAddress, FormatDef } from "./types";

/** Matches one token; the capture is the address. Global, so use it only through the helpers below. */
const TOKEN_RE = /\{\{([a-z_]+\.[a-z_]+\.[a-z_]+)\}\}/g;

export const BLANK_REF_TEXT = "（空）";

/** The token for a cell, as the editor's 插入数字 inserts it. */
export function cellRefToken(address: CellAddress): string {
  return `{{${address}}}`;
}

/** The cell addresses a text refers to that the format knows, in order of appearance, each once. */
export function cellRefsIn(format: FormatDef, text: string): CellAddress[] {
  const out: CellAddress[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const address = match[1]!;
    if (format.cell(address) && !out.includes(address)) out.push(address);
  }
  return out;
}

/** Tokens whose address the format does not know (shown to the writer as a problem, printed as typed). */
export function unknownCellRefs(format: FormatDef, text: string): string[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => m[1]!).filter((address) => !format.cell(address));
}

/** The text with every known token replaced by the cell's value from `values` (inputs and totals). */
export function substituteCellRefs(format: FormatDef, text: string, values: Record<CellAddress, string | null | undefined>): string {
  return text.replace(TOKEN_RE, (token, address: string) => {
    if (!format.cell(address)) return token;
    const value = values[address];
    return value === null || value === undefined ? BLANK_REF_TEXT : value;
  });
}
