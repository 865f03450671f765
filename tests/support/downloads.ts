// Test helpers (unit and e2e tests only): open a .docx and read its XML back into paragraphs and table grids, and read
// a CSV, so a test can compare a download with the format's layout and the report's figures. Not used by the app.
import JSZip from "jszip";

export interface DocxCell {
  text: string;
  gridSpan: number;
  vMerge: "restart" | "continue" | null;
  bold: boolean;
  centred: boolean;
}
/** A merged cell as it covers the grid, the way placeTable describes the layout (1-based row and column). */
export interface DocxGridCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  bold: boolean;
  centred: boolean;
}
export interface DocxParagraph {
  text: string;
  boldTexts: string[];
  xml: string;
}
export interface DocxContents {
  documentXml: string;
  footers: string[];
  fontTableXml: string;
  settingsXml: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: DocxParagraph[];
  /** Each table as rows of cells, in order. */
  tables: DocxCell[][][];
}

const unescape = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[0]);

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? "")).join("");
}

function runs(xml: string): { text: string; bold: boolean }[] {
  return all(xml, /<w:r>[\s\S]*?<\/w:r>|<w:r\s[\s\S]*?<\/w:r>/g).map((r) => ({ text: textOf(r), bold: /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(r) }));
}

function cellOf(xml: string): DocxCell {
  const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(xml);
  const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(xml);
  const texts = runs(xml).filter((r) => r.text !== "");
  return {
    text: textOf(xml),
    gridSpan: span ? Number(span[1]) : 1,
    vMerge: merge ? (merge[1] === "restart" ? "restart" : "continue") : null,
    bold: texts.length > 0 && texts.every((r) => r.bold),
    centred: /<w:jc w:val="center"\/>/.test(xml),
  };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const documentXml = await read("word/document.xml");
  const footerPaths = Object.keys(zip.files).filter((p) => /^word\/footer\d+\.xml$/.test(p));
  const tablesXml = all(documentXml, /<w:tbl>[\s\S]*?<\/w:tbl>/g);
  const outside = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return {
    documentXml,
    footers: await Promise.all(footerPaths.map(read)),
    fontTableXml: await read("word/fontTable.xml"),
    settingsXml: await read("word/settings.xml"),
    paragraphs: all(outside, /<w:p>[\s\S]*?<\/w:p>|<w:p\s[^/]*?>[\s\S]*?<\/w:p>/g).map((xml) => ({
      xml,
      text: textOf(xml),
      boldTexts: runs(xml).filter((r) => r.bold && r.text).map((r) => r.text),
    })),
    tables: tablesXml.map((t) => all(t, /<w:tr>[\s\S]*?<\/w:tr>/g).map((tr) => all(tr, /<w:tc>[\s\S]*?<\/w:tc>/g).map(cellOf))),
  };
}

/** Rebuilds merged cells from gridSpan and vMerge: a "continue" cell extends the cell above it by one row. */
export function docxGrid(table: DocxCell[][]): DocxGridCell[] {
  const cells: DocxGridCell[] = [];
  const above = new Map<number, DocxGridCell>();
  table.forEach((row, r) => {
    let col = 1;
    for (const cell of row) {
      const open = above.get(col);
      if (cell.vMerge === "continue" && open && open.colspan === cell.gridSpan) {
        open.rowspan += 1;
      } else {
        const placed = { row: r + 1, col, rowspan: 1, colspan: cell.gridSpan, text: cell.text, bold: cell.bold, centred: cell.centred };
        cells.push(placed);
        if (cell.vMerge === "restart") above.set(col, placed);
        else above.delete(col);
      }
      col += cell.gridSpan;
    }
  });
  return cells;
}

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF line ends (the last line ends with one too). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}
