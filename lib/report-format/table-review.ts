// Builds table T4 (政府信息公开行政复议、行政诉讼情况), identical in both formats.

import { headerCell, valueCell } from "./layout";
import type { BuiltTable } from "./table-active";
import type { CellDef, HeaderCell, LayoutCell, LayoutRow } from "./types";

const TABLE = "review_litigation";

export const REVIEW_COLUMNS = [
  { column: "upheld", label: "结果维持" },
  { column: "corrected", label: "结果纠正" },
  { column: "other", label: "其他结果" },
  { column: "pending", label: "尚未审结" },
  { column: "total", label: "总计" },
] as const;

const CO_DEFENDANT_RULE =
  "行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量。";

export const REVIEW_GROUPS = [
  { row: "admin_review", label: "行政复议", rule: "T4-REVIEW", parents: [] as string[] },
  { row: "litigation_direct", label: "未经复议直接起诉", rule: "T4-DIRECT", parents: ["行政诉讼"] },
  { row: "litigation_after_review", label: "复议后起诉", rule: "T4-AFTER", parents: ["行政诉讼"] },
] as const;

export function buildReviewLitigation(caption: string): BuiltTable {
  const id = (suffix: string): string => `${TABLE}--${suffix}`;
  const columnHeaders = (group: string, rowspan: number): HeaderCell[] =>
    REVIEW_COLUMNS.map((c) => headerCell(id(`${group}--${c.column}`), c.label, "col", { rowspan }));
  const header: LayoutRow[] = [
    {
      cells: [
        headerCell(id("admin_review"), "行政复议", "colgroup", { colspan: 5 }),
        headerCell(id("litigation"), "行政诉讼", "colgroup", { colspan: 10 }, CO_DEFENDANT_RULE),
      ],
    },
    {
      cells: [
        ...columnHeaders("admin_review", 2),
        headerCell(id("litigation_direct"), "未经复议直接起诉", "colgroup", { colspan: 5 }),
        headerCell(id("litigation_after_review"), "复议后起诉", "colgroup", { colspan: 5 }),
      ],
    },
    { cells: [...columnHeaders("litigation_direct", 1), ...columnHeaders("litigation_after_review", 1)] },
  ];
  const values: LayoutCell[] = [];
  const cells: CellDef[] = [];
  for (const group of REVIEW_GROUPS) {
    const groupIds = group.row === "admin_review" ? [id("admin_review")] : [id("litigation"), id(group.row)];
    const rowLabel = [...group.parents, group.label].join(" ");
    for (const column of REVIEW_COLUMNS) {
      const address = `${TABLE}.${group.row}.${column.column}`;
      values.push(valueCell(address, [...groupIds, id(`${group.row}--${column.column}`)]));
      const cell: CellDef = {
        address,
        table: TABLE,
        row: group.row,
        column: column.column,
        kind: column.column === "total" ? "total" : "count",
        rowLabel,
        columnLabel: column.label,
        accessibleName: `${rowLabel} ${column.label}`,
      };
      if (group.row !== "admin_review") cell.help = CO_DEFENDANT_RULE;
      cells.push(cell);
    }
  }
  return {
    table: { id: TABLE, sectionId: "s4", caption, columnCount: 15, header, body: [{ cells: values }] },
    cells,
  };
}
