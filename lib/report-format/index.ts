// Public API of the report domain core (formats, layout, totals, rules, carry-over, interchange, CSV).

export type {
  CarryOverProposal,
  CellAddress,
  CellDef,
  CellKind,
  CellValues,
  FormatDef,
  FormatVersion,
  HeaderCell,
  Issue,
  LayoutCell,
  LayoutRow,
  MoneyUnit,
  NarrativeId,
  ReportData,
  RuleId,
  SectionDef,
  SectionId,
  Severity,
  TableDef,
  TableId,
  ValidateOptions,
  ValueCell,
} from "./types";
export { getFormat, formatVersionForYear, isFormatVersion, FORMAT_VERSIONS, resultRowsOf, otherHandlingRowsOf } from "./formats";
export { layoutColumnCount } from "./layout";
export { emptyValues, computeTotals, allCellValues, totalTerms } from "./totals";
export { parseCellInput, normaliseNumberText, allowedText, MAX_COUNT, MAX_MONEY_DECIMALS } from "./cell-input";
export type { CellInputResult } from "./cell-input";
export { validateReport, countBySeverity, hasErrors } from "./validate";
export { RULE_ORDER, sortIssues } from "./rule-context";
export { validateRollup, rollupValues } from "./rollup";
export { proposeCarryOver, expectedInForce } from "./carry-over";
export { InterchangeError } from "./interchange-cell";
export { parseInterchange, SCHEMA, NARRATIVE_IDS } from "./interchange-parse";
export type { ParsedInterchange } from "./interchange-parse";
export { serializeInterchange } from "./interchange-serialize";
export type { JsonObject, JsonValue } from "./interchange-serialize";
export { toCsv, CSV_HEADER } from "./csv";
export {
  canonicalDecimal,
  convertMoney,
  decimalAdd,
  decimalCompare,
  decimalPlaces,
  decimalShift,
  decimalSub,
  decimalSum,
  isDecimalString,
  isIntegerDecimal,
  wanYuanToYuan,
  yuanToWanYuan,
} from "./decimal";
export { narrativeToBlocks, narrativeLength, quotedApplicationFigures } from "./narrative";
export { BLANK_REF_TEXT, cellRefToken, cellRefsIn, substituteCellRefs, unknownCellRefs } from "./narrative-refs";
export type { NarrativeBlocks, NarrativeSegment } from "./narrative";
export { NARRATIVE_MAX_LENGTH } from "./rules-narrative";
export { printedValue } from "./display";
