// Section list shared by both formats; only the hints of s1 and s6 differ between 2019 and 2021.

import type { SectionDef } from "./types";

export function buildSections(hints: { s1: string; s6: string }): SectionDef[] {
  return [
    {
      id: "preamble",
      title: "",
      kind: "text",
      hint: "开头说明（可选）：编制依据、统计期限、查阅方式，以及联系地址、电话、电子邮箱。",
    },
    { id: "s1", title: "一、总体情况", kind: "text", hint: hints.s1 },
    { id: "s2", title: "二、主动公开政府信息情况", kind: "table", table: "active_disclosure" },
    { id: "s3", title: "三、收到和处理政府信息公开申请情况", kind: "table", table: "applications" },
    { id: "s4", title: "四、政府信息公开行政复议、行政诉讼情况", kind: "table", table: "review_litigation" },
    {
      id: "s5",
      title: "五、存在的主要问题及改进情况",
      kind: "text",
      hint: "（文字描述）实事求是、明确具体地写明存在的主要问题和改进情况，不得年年雷同。",
    },
    { id: "s6", title: "六、其他需要报告的事项", kind: "text", hint: hints.s6 },
  ];
}
