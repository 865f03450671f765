// The 2021 format (国办公开办函〔2021〕30号, report years from 2021): T2 blocks, three （六） sub-rows, hints.

import { buildSections } from "./sections";
import type { ActiveBlockSpec } from "./table-active";
import type { ResultItem } from "./table-applications";

export const NOTICE_2021 = "国办公开办函〔2021〕30号";

const DECISIONS_HELP = "含依法公开和依法不予公开的全部处理决定，数据核定时间点为12月31日。";

export const ACTIVE_BLOCKS_2021: ActiveBlockSpec[] = [
  {
    id: "1",
    title: "第二十条第（一）项",
    columns: [
      { column: "made", label: "本年制发件数", kind: "count", span: 1 },
      { column: "repealed", label: "本年废止件数", kind: "count", span: 1 },
      { column: "in_force", label: "现行有效件数", kind: "count", span: 1 },
    ],
    rows: [
      { row: "regulations", label: "规章", fullLabel: "（一）规章" },
      { row: "normative_documents", label: "行政规范性文件", fullLabel: "（一）行政规范性文件" },
    ],
  },
  {
    id: "5",
    title: "第二十条第（五）项",
    columns: [{ column: "decisions", label: "本年处理决定数量", kind: "count", span: 3, help: DECISIONS_HELP }],
    rows: [{ row: "admin_licensing", label: "行政许可", fullLabel: "（五）行政许可" }],
  },
  {
    id: "6",
    title: "第二十条第（六）项",
    columns: [{ column: "decisions", label: "本年处理决定数量", kind: "count", span: 3, help: DECISIONS_HELP }],
    rows: [
      { row: "admin_penalty", label: "行政处罚", fullLabel: "（六）行政处罚" },
      { row: "admin_coercion", label: "行政强制", fullLabel: "（六）行政强制" },
    ],
  },
  {
    id: "8",
    title: "第二十条第（八）项",
    columns: [
      {
        column: "amount",
        label: "本年收费金额（单位：万元）",
        kind: "money",
        span: 3,
        canonicalUnit: "万元",
        help: "以万元为单位，最多 6 位小数。",
      },
    ],
    rows: [{ row: "admin_fees", label: "行政事业性收费", fullLabel: "（八）行政事业性收费" }],
  },
];

export const OTHER_HANDLING_2021: ResultItem = {
  group: "other",
  label: "（六）其他处理",
  rows: [
    { row: "other_no_correction", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" },
    { row: "other_fee_unpaid", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" },
    { row: "other_other", label: "3.其他" },
  ],
};

export const SECTIONS_2021 = buildSections({
  s1: "（文字描述）综述主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况；重在聚焦主题、简明客观，篇幅原则上不超过一千字。",
  s6: "（文字描述，收取信息处理费情况在此处报告。）",
});
