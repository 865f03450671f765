// The editor's 加粗 command on plain text: wraps the selection in ** ** (per paragraph), or unwraps it again.

export interface TextEdit {
  text: string;
  start: number;
  end: number;
}

const PARAGRAPH_BREAK = /(\n[ \t\u3000]*\n)/;

/** Markers hug the words: "** 一是**" would not read as a lead-in, so edge white space stays outside. */
function wrapPiece(piece: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(piece);
  const [, lead = "", core = "", trail = ""] = match ?? [];
  return core === "" ? piece : `${lead}**${core}**${trail}`;
}

/**
 * Toggles bold on text[start, end): an empty selection gets an empty pair with the caret inside; a selection
 * already between markers (or including them) loses them; anything else is wrapped, each paragraph on its own,
 * because bold never spans a paragraph break (narrativeToBlocks would print the markers literally).
 */
export function toggleBold(text: string, start: number, end: number): TextEdit {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  const selected = text.slice(from, to);

  if (from === to) {
    return { text: `${text.slice(0, from)}****${text.slice(to)}`, start: from + 2, end: from + 2 };
  }
  if (text.slice(from - 2, from) === "**" && text.slice(to, to + 2) === "**" && from >= 2) {
    return { text: text.slice(0, from - 2) + selected + text.slice(to + 2), start: from - 2, end: to - 2 };
  }
  if (selected.length >= 4 && selected.startsWith("**") && selected.endsWith("**") && !selected.slice(2, -2).includes("**")) {
    const inner = selected.slice(2, -2);
    return { text: text.slice(0, from) + inner + text.slice(to), start: from, end: from + inner.length };
  }
  const wrapped = selected
    .split(PARAGRAPH_BREAK)
    .map((piece, i) => (i % 2 === 1 ? piece : wrapPiece(piece)))
    .join("");
  return { text: text.slice(0, from) + wrapped + text.slice(to), start: from, end: from + wrapped.length };
}
