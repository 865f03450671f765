// Format definitions and layouts: cell sets, labels, rowspans/colspans as in the official templates.

import { describe, expect, it } from "vitest";
import { formatVersionForYear, getFormat } from "./formats";
import { layoutColumnCount } from "./layout";
import type { FormatVersion, HeaderCell, LayoutRow, TableDef, TableId } from "./types";

const VERSIONS: FormatVersion[] = ["2019", "2021"];

function table(version: FormatVersion, id: TableId): TableDef {
  const found = getFormat(version).tables.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found;
}

function headers(rows: LayoutRow[]): HeaderCell[] {
  return rows.flatMap((r) => r.cells.filter((c): c is HeaderCell => c.type === "header"));
}

function header(t: TableDef, label: string): HeaderCell {
  const found = headers([...t.header, ...t.body]).filter((h) => h.label === label);
  expect(found, label).toHaveLength(1);
  return found[0];
}

describe("formatVersionForYear", () => {
  it("maps 2019–2020 to 2019 and later years to 2021", () => {
    expect(formatVersionForYear(2019)).toBe("2019");
    expect(formatVersionForYear(2020)).toBe("2019");
    expect(formatVersionForYear(2021)).toBe("2021");
    expect(formatVersionForYear(2030)).toBe("2021");
  });
  it("refuses years before 2019", () => {
    expect(() => formatVersionForYear(2018)).toThrow(RangeError);
  });
});

describe("cell sets", () => {
  it.each([
    ["2019", 22, 161, 32, 166],
    ["2021", 10, 175, 34, 166],
  ] as const)("%s: T2 %i cells, T3 %i cells, %i totals, %i inputs", (version, t2, t3, totals, inputs) => {
    const format = getFormat(version);
    expect(format.cells.filter((c) => c.table === "active_disclosure")).toHaveLength(t2);
    expect(format.cells.filter((c) => c.table === "applications")).toHaveLength(t3);
    expect(format.cells.filter((c) => c.table === "review_litigation")).toHaveLength(15);
    expect(format.cells.filter((c) => c.kind === "total")).toHaveLength(totals);
    expect(format.inputCells).toHaveLength(inputs);
    expect(new Set(format.cells.map((c) => c.address)).size).toBe(format.cells.length);
  });

  it("has the notices, section titles and money units of each format", () => {
    expect(getFormat("2019").notice).toBe("国办公开办函〔2019〕60号");
    expect(getFormat("2021").notice).toBe("国办公开办函〔2021〕30号");
    expect(getFormat("2021").sections.map((s) => s.title)).toEqual([
      "",
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(getFormat("2021").sections[6].hint).toBe("（文字描述，收取信息处理费情况在此处报告。）");
    expect(getFormat("2019").cell("active_disclosure.gov_procurement.total_amount")).toMatchObject({ kind: "money", canonicalUnit: "元" });
    expect(getFormat("2021").cell("active_disclosure.admin_fees.amount")).toMatchObject({ kind: "money", canonicalUnit: "万元" });
    expect(getFormat("2019").cell("active_disclosure.admin_fees.change")?.kind).toBe("signed_count");
  });

  it("names cells by their printed labels", () => {
    const f = getFormat("2021");
    expect(f.cell("applications.new_received.natural_person")?.accessibleName).toBe("一、本年新收政府信息公开申请数量 自然人");
    expect(f.cell("applications.new_received.commercial")?.accessibleName).toBe("一、本年新收政府信息公开申请数量 法人或其他组织 商业企业");
    expect(f.cell("applications.other_other.total")?.accessibleName).toBe("（六）其他处理 3.其他 总计");
    expect(f.cell("review_litigation.admin_review.upheld")?.accessibleName).toBe("行政复议 结果维持");
    expect(f.cell("review_litigation.litigation_direct.upheld")?.accessibleName).toBe("行政诉讼 未经复议直接起诉 结果维持");
    expect(f.cell("active_disclosure.admin_fees.amount")?.accessibleName).toBe("（八）行政事业性收费 本年收费金额（单位：万元）");
    expect(f.cell("applications.results_total.natural_person")).toMatchObject({ kind: "total", rowLabel: "（七）总计", columnLabel: "自然人" });
    expect(f.cell("applications.carry_forward.natural_person")?.kind).toBe("count");
  });
});

describe.each(VERSIONS)("layout %s", (version) => {
  const format = getFormat(version);

  it("fills exactly columnCount columns in every row", () => {
    for (const t of format.tables) {
      for (const width of layoutColumnCount(t)) expect(width, t.id).toBe(t.columnCount);
    }
  });

  it("places every value cell exactly once, in print order", () => {
    const addresses = format.tables.flatMap((t) =>
      [...t.header, ...t.body].flatMap((r) => r.cells.flatMap((c) => (c.type === "value" ? [c.address] : []))),
    );
    expect(addresses).toEqual(format.cells.map((c) => c.address));
  });

  it("labels value cells with existing, unique header ids", () => {
    for (const t of format.tables) {
      const all = headers([...t.header, ...t.body]);
      const ids = new Set(all.map((h) => h.id));
      expect(ids.size).toBe(all.length);
      for (const row of [...t.header, ...t.body]) {
        for (const cell of row.cells) {
          if (cell.type === "value") for (const id of cell.headerIds) expect(ids.has(id), id).toBe(true);
        }
      }
    }
  });

  it("draws T3 as in the template", () => {
    const t3 = table(version, "applications");
    expect(t3.columnCount).toBe(10);
    expect(t3.header).toHaveLength(3);
    expect(t3.header[0].cells[0]).toMatchObject({
      label: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      colspan: 3,
      rowspan: 3,
    });
    expect(header(t3, "申请人情况")).toMatchObject({ colspan: 7, rowspan: 1, scope: "colgroup" });
    expect(header(t3, "法人或其他组织")).toMatchObject({ colspan: 5, rowspan: 1 });
    expect(header(t3, "自然人")).toMatchObject({ rowspan: 2, colspan: 1 });
    expect(header(t3, "总计")).toMatchObject({ rowspan: 2, colspan: 1 });
    expect(t3.header[2].cells.map((c) => (c.type === "header" ? c.label : ""))).toEqual([
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
    expect(header(t3, "三、本年度办理结果")).toMatchObject({ rowspan: version === "2019" ? 20 : 22, colspan: 1 });
    expect(header(t3, "（三）不予公开")).toMatchObject({ rowspan: 8 });
    expect(header(t3, "（四）无法提供")).toMatchObject({ rowspan: 3 });
    expect(header(t3, "（五）不予处理")).toMatchObject({ rowspan: 5 });
    expect(header(t3, "（六）其他处理")).toMatchObject(version === "2019" ? { rowspan: 1, colspan: 2 } : { rowspan: 3, colspan: 1 });
    expect(header(t3, "（一）予以公开")).toMatchObject({ colspan: 2 });
    expect(header(t3, "（七）总计")).toMatchObject({ colspan: 2 });
    expect(header(t3, "一、本年新收政府信息公开申请数量")).toMatchObject({ colspan: 3 });
    expect(header(t3, "四、结转下年度继续办理")).toMatchObject({ colspan: 3 });
    expect(t3.body).toHaveLength(version === "2019" ? 23 : 25);
  });

  it("draws T4 as in the template", () => {
    const t4 = table(version, "review_litigation");
    expect(t4.columnCount).toBe(15);
    expect(header(t4, "行政复议")).toMatchObject({ colspan: 5 });
    expect(header(t4, "行政诉讼")).toMatchObject({ colspan: 10 });
    expect(header(t4, "未经复议直接起诉")).toMatchObject({ colspan: 5 });
    expect(header(t4, "复议后起诉")).toMatchObject({ colspan: 5 });
    expect(t4.header[1].cells.slice(0, 5).every((c) => c.rowspan === 2)).toBe(true);
    expect(t4.body).toHaveLength(1);
    expect(t4.body[0].cells).toHaveLength(15);
  });

  it("draws T2 blocks with merged columns where the template merges them", () => {
    const t2 = table(version, "active_disclosure");
    const titles = headers(t2.body).filter((h) => h.label.startsWith("第二十条")).map((h) => h.label);
    expect(titles).toEqual(
      version === "2019"
        ? ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"]
        : ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"],
    );
    const money = t2.body.flatMap((r) => r.cells).find((c) => c.type === "value" && c.address.endsWith(version === "2019" ? "total_amount" : "amount"));
    expect(money?.colspan).toBe(version === "2019" ? 2 : 3);
  });
});
