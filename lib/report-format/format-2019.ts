// The 2019 format (国办公开办函〔2019〕60号, report years 2019–2020): T2 blocks, the single （六） row, hints.

import { buildSections } from "./sections";
import type { ActiveBlockSpec } from "./table-active";
import type { ResultItem } from "./table-applications";

export const NOTICE_2019 = "国办公开办函〔2019〕60号";

const ITEM_COLUMNS: ActiveBlockSpec["columns"] = [
  { column: "prev_year_items", label: "上一年项目数量", kind: "count", span: 1 },
  { column: "change", label: "本年增/减", kind: "signed_count", span: 1, help: "减少时填负数，如 -3。" },
  { column: "decisions", label: "处理决定数量", kind: "count", span: 1 },
];

export const ACTIVE_BLOCKS_2019: ActiveBlockSpec[] = [
  {
    id: "1",
    title: "第二十条第（一）项",
    columns: [
      { column: "new_made", label: "本年新制作数量", kind: "count", span: 1 },
      { column: "new_published", label: "本年新公开数量", kind: "count", span: 1 },
      { column: "total_published", label: "对外公开总数量", kind: "count", span: 1 },
    ],
    rows: [
      { row: "regulations", label: "规章", fullLabel: "（一）规章" },
      { row: "normative_documents", label: "规范性文件", fullLabel: "（一）规范性文件" },
    ],
  },
  {
    id: "5",
    title: "第二十条第（五）项",
    columns: ITEM_COLUMNS,
    rows: [
      { row: "admin_licensing", label: "行政许可", fullLabel: "（五）行政许可" },
      { row: "other_external_services", label: "其他对外管理服务事项", fullLabel: "（五）其他对外管理服务事项" },
    ],
  },
  {
    id: "6",
    title: "第二十条第（六）项",
    columns: ITEM_COLUMNS,
    rows: [
      { row: "admin_penalty", label: "行政处罚", fullLabel: "（六）行政处罚" },
      { row: "admin_coercion", label: "行政强制", fullLabel: "（六）行政强制" },
    ],
  },
  {
    id: "8",
    title: "第二十条第（八）项",
    columns: [
      { column: "prev_year_items", label: "上一年项目数量", kind: "count", span: 1 },
      { column: "change", label: "本年增/减", kind: "signed_count", span: 2, help: "减少时填负数，如 -3。" },
    ],
    rows: [{ row: "admin_fees", label: "行政事业性收费", fullLabel: "（八）行政事业性收费" }],
  },
  {
    id: "9",
    title: "第二十条第（九）项",
    columns: [
      { column: "projects", label: "采购项目数量", kind: "count", span: 1 },
      {
        column: "total_amount",
        label: "采购总金额",
        kind: "money",
        span: 2,
        canonicalUnit: "元",
        help: "以元为单位填写，可有小数；模板未规定单位，本系统统一按元保存。",
      },
    ],
    rows: [{ row: "gov_procurement", label: "政府集中采购", fullLabel: "（九）政府集中采购" }],
  },
];

export const OTHER_HANDLING_2019: ResultItem = {
  row: "other_handling",
  label: "（六）其他处理",
  help: "仅用于新旧条例衔接等极少数特殊情况。",
};

export const SECTIONS_2019 = buildSections({
  s1: "（文字描述）综述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况；各级人民政府还应报告工作考核、社会评议和责任追究结果情况。",
  s6: "（文字描述）其他需要报告的事项。",
});
