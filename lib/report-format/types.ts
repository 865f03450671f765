// Public types of the report domain core: formats, layout, report data, issues.

export type FormatVersion = "2019" | "2021";
export type TableId = "active_disclosure" | "applications" | "review_litigation";
export type SectionId = "preamble" | "s1" | "s2" | "s3" | "s4" | "s5" | "s6";
export type NarrativeId = "preamble" | "s1" | "s5" | "s6";
export type CellKind = "count" | "signed_count" | "money" | "total";
/** "<table>.<row>.<column>" per interchange.md §2; narratives use "narratives.<id>". */
export type CellAddress = string;
export type MoneyUnit = "元" | "万元";

export interface CellDef {
  address: CellAddress;
  table: TableId;
  row: string;
  column: string;
  kind: CellKind;
  rowLabel: string;
  columnLabel: string;
  accessibleName: string;
  canonicalUnit?: MoneyUnit;
  help?: string;
}

export interface SectionDef {
  id: SectionId;
  title: string;
  kind: "text" | "table";
  table?: TableId;
  hint?: string;
}

export interface FormatDef {
  version: FormatVersion;
  notice: string;
  sections: SectionDef[];
  tables: TableDef[];
  cells: CellDef[];
  inputCells: CellDef[];
  cell(address: CellAddress): CellDef | undefined;
}

export interface HeaderCell {
  type: "header";
  label: string;
  rowspan: number;
  colspan: number;
  scope: "col" | "colgroup" | "row" | "rowgroup";
  help?: string;
  id: string;
}
export interface ValueCell {
  type: "value";
  address: CellAddress;
  rowspan: number;
  colspan: number;
  headerIds: string[];
}
export type LayoutCell = HeaderCell | ValueCell;
export interface LayoutRow {
  cells: LayoutCell[];
}
export interface TableDef {
  id: TableId;
  sectionId: SectionId;
  caption: string;
  columnCount: number;
  header: LayoutRow[];
  body: LayoutRow[];
}

/** Input cells only; canonical decimal strings; null = blank (blank is not 0). */
export type CellValues = Record<CellAddress, string | null>;

export interface ReportData {
  formatVersion: FormatVersion;
  year: number;
  unit: { code: string; name: string };
  narratives: Partial<Record<NarrativeId, string>>;
  values: CellValues;
}

export type Severity = "error" | "warning";
export type RuleId =
  | "T3-BAL"
  | "T3-SUM"
  | "T3-ROW"
  | "T4-REVIEW"
  | "T4-DIRECT"
  | "T4-AFTER"
  | "GEN-INT"
  | "GEN-FILLED"
  | "GEN-STRUCT"
  | "NARR-LEN"
  | "NARR-FEE"
  | "NARR-NUM"
  | "OTHER-HIGH"
  | "X-CARRY"
  | "X-INFORCE"
  | "X-ITEMS"
  | "X-PUBTOTAL"
  | "ROLLUP";

export interface Issue {
  rule: string;
  severity: Severity;
  cell?: CellAddress;
  expected?: string;
  found?: string;
  message: string;
}

export interface ValidateOptions {
  previous?: ReportData;
  /** Totals as printed in an imported file (null = printed blank); absent keys were not printed. */
  printedTotals?: Record<CellAddress, string | null>;
  /** Cells whose printed text was not a valid value; the text is what was found. */
  invalidCells?: Record<CellAddress, string>;
}

export interface CarryOverProposal {
  cell: CellAddress;
  value: string;
  basis: string;
}
