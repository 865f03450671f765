// Builds table T3 (收到和处理政府信息公开申请情况): shared rows, version-specific （六）其他处理, layout and cells.

import { headerCell, valueCell } from "./layout";
import type { BuiltTable } from "./table-active";
import type { CellDef, LayoutCell, LayoutRow } from "./types";

const TABLE = "applications";

export const APPLICANT_COLUMNS = [
  { column: "natural_person", label: "自然人" },
  { column: "commercial", label: "商业企业" },
  { column: "research", label: "科研机构" },
  { column: "social_org", label: "社会公益组织" },
  { column: "legal_service", label: "法律服务机构" },
  { column: "other_org", label: "其他" },
] as const;
export const APPLICATION_COLUMNS: readonly string[] = [...APPLICANT_COLUMNS.map((c) => c.column), "total"];
const ORG_COLUMNS: readonly string[] = APPLICANT_COLUMNS.slice(1).map((c) => c.column);

export const BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export interface ApplicationRowSpec {
  row: string;
  label: string;
  help?: string;
}
/** A result item is either one row spanning the two label columns or a labelled group of sub-rows. */
export type ResultItem = ApplicationRowSpec | { group: string; label: string; rows: ApplicationRowSpec[] };

const SHARED_RESULTS: ResultItem[] = [
  { row: "granted", label: "（一）予以公开" },
  {
    row: "partially_granted",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    help: "同一申请部分公开、部分不予公开的，只计入本行，不再计入其他情形。",
  },
  {
    group: "denied",
    label: "（三）不予公开",
    rows: [
      { row: "denied_state_secret", label: "1.属于国家秘密" },
      { row: "denied_law_prohibited", label: "2.其他法律行政法规禁止公开" },
      { row: "denied_three_safety_one_stability", label: "3.危及“三安全一稳定”" },
      { row: "denied_third_party_rights", label: "4.保护第三方合法权益" },
      { row: "denied_internal_affairs", label: "5.属于三类内部事务信息" },
      { row: "denied_process_info", label: "6.属于四类过程性信息" },
      { row: "denied_enforcement_file", label: "7.属于行政执法案卷" },
      { row: "denied_admin_query", label: "8.属于行政查询事项" },
    ],
  },
  {
    group: "unable",
    label: "（四）无法提供",
    rows: [
      { row: "unable_not_held", label: "1.本机关不掌握相关政府信息" },
      { row: "unable_needs_creation", label: "2.没有现成信息需要另行制作" },
      { row: "unable_unclear_after_correction", label: "3.补正后申请内容仍不明确" },
    ],
  },
  {
    group: "not_processed",
    label: "（五）不予处理",
    rows: [
      { row: "not_processed_petition", label: "1.信访举报投诉类申请" },
      { row: "not_processed_duplicate", label: "2.重复申请" },
      { row: "not_processed_publication", label: "3.要求提供公开出版物" },
      { row: "not_processed_excessive", label: "4.无正当理由大量反复申请" },
      { row: "not_processed_confirmation", label: "5.要求行政机关确认或重新出具已获取信息" },
    ],
  },
];

interface FlatRow extends ApplicationRowSpec {
  kind: "top" | "result" | "results_total";
  group?: { id: string; label: string };
}

function flatRows(other: ResultItem): FlatRow[] {
  const rows: FlatRow[] = [
    { row: "new_received", label: "一、本年新收政府信息公开申请数量", kind: "top" },
    { row: "carried_over", label: "二、上年结转政府信息公开申请数量", kind: "top" },
  ];
  for (const item of [...SHARED_RESULTS, other]) {
    if ("group" in item) {
      for (const sub of item.rows) rows.push({ ...sub, kind: "result", group: { id: item.group, label: item.label } });
    } else {
      rows.push({ ...item, kind: "result" });
    }
  }
  rows.push({ row: "results_total", label: "（七）总计", kind: "results_total" });
  rows.push({
    row: "carry_forward",
    label: "四、结转下年度继续办理",
    kind: "top",
    help: "12月31日仍在办理、结转到下一年度的申请数。",
  });
  return rows;
}

/** Result rows (granted … last 其他处理 row) of a version, in print order. */
export function resultRows(other: ResultItem): string[] {
  return flatRows(other).filter((r) => r.kind === "result").map((r) => r.row);
}

/** All value rows of T3 of a version, in print order. */
export function applicationRows(other: ResultItem): string[] {
  return flatRows(other).map((r) => r.row);
}

export function buildApplications(other: ResultItem, caption: string): BuiltTable {
  const id = (suffix: string): string => `${TABLE}--${suffix}`;
  const colHeaderIds = (column: string): string[] =>
    ORG_COLUMNS.includes(column) ? [id("applicant"), id("org"), id(`col-${column}`)] : [id("applicant"), id(`col-${column}`)];
  const header: LayoutRow[] = [
    {
      cells: [
        headerCell(id("corner"), BALANCE_NOTE, "col", { rowspan: 3, colspan: 3 }),
        headerCell(id("applicant"), "申请人情况", "colgroup", { colspan: 7 }),
      ],
    },
    {
      cells: [
        headerCell(id("col-natural_person"), "自然人", "col", { rowspan: 2 }),
        headerCell(id("org"), "法人或其他组织", "colgroup", { colspan: 5 }),
        headerCell(id("col-total"), "总计", "col", { rowspan: 2 }),
      ],
    },
    { cells: APPLICANT_COLUMNS.slice(1).map((c) => headerCell(id(`col-${c.column}`), c.label, "col")) },
  ];

  const rows = flatRows(other);
  const resultCount = rows.filter((r) => r.kind !== "top").length;
  const body: LayoutRow[] = [];
  const cells: CellDef[] = [];
  let resultsHeaderPlaced = false;
  const groupsPlaced = new Set<string>();
  for (const row of rows) {
    const labelCells: LayoutCell[] = [];
    const rowHeaderIds: string[] = [];
    if (row.kind === "top") {
      labelCells.push(headerCell(id(`row-${row.row}`), row.label, "row", { colspan: 3 }, row.help));
    } else {
      if (!resultsHeaderPlaced) {
        labelCells.push(headerCell(id("results"), "三、本年度办理结果", "rowgroup", { rowspan: resultCount }));
        resultsHeaderPlaced = true;
      }
      rowHeaderIds.push(id("results"));
      if (row.group) {
        const groupId = id(`group-${row.group.id}`);
        if (!groupsPlaced.has(row.group.id)) {
          const size = rows.filter((r) => r.group?.id === row.group?.id).length;
          labelCells.push(headerCell(groupId, row.group.label, "rowgroup", { rowspan: size }));
          groupsPlaced.add(row.group.id);
        }
        rowHeaderIds.push(groupId);
        labelCells.push(headerCell(id(`row-${row.row}`), row.label, "row", {}, row.help));
      } else {
        labelCells.push(headerCell(id(`row-${row.row}`), row.label, "row", { colspan: 2 }, row.help));
      }
    }
    rowHeaderIds.push(id(`row-${row.row}`));
    const rowName = row.group ? `${row.group.label} ${row.label}` : row.label;
    const valueCells: LayoutCell[] = [];
    for (const column of [...APPLICANT_COLUMNS, { column: "total", label: "总计" }]) {
      const address = `${TABLE}.${row.row}.${column.column}`;
      valueCells.push(valueCell(address, [...rowHeaderIds, ...colHeaderIds(column.column)]));
      const columnName = ORG_COLUMNS.includes(column.column) ? `法人或其他组织 ${column.label}` : column.label;
      const cell: CellDef = {
        address,
        table: TABLE,
        row: row.row,
        column: column.column,
        kind: column.column === "total" || row.kind === "results_total" ? "total" : "count",
        rowLabel: row.label,
        columnLabel: column.label,
        accessibleName: `${rowName} ${columnName}`,
      };
      if (row.help) cell.help = row.help;
      cells.push(cell);
    }
    body.push({ cells: [...labelCells, ...valueCells] });
  }
  return {
    table: { id: TABLE, sectionId: "s3", caption, columnCount: 10, header, body },
    cells,
  };
}
