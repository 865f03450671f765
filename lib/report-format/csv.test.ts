// toCsv: BOM, header, CRLF, one row per cell in print order, RFC 4180 quoting, formula guard on text only.

import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { getFormat } from "./formats";
import { zeroReport } from "@/tests/support/report-format";

describe("toCsv", () => {
  const report = zeroReport(
    "2019",
    {
      "active_disclosure.admin_penalty.change": "-18",
      "active_disclosure.gov_procurement.total_amount": "75394432.52",
      "applications.new_received.natural_person": null,
    },
    { unit: { code: "=cmd", name: '同心县"政府",办公室' } },
  );
  const csv = toCsv([report, zeroReport("2021")]);
  const lines = csv.slice(1).split("\r\n");

  it("starts with a BOM and the header, ends every line with CRLF", () => {
    expect(csv.startsWith("\uFEFFyear,unit_code,unit_name,format_version,table,row,column,label,value,unit\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes one row per cell, totals included, in print order", () => {
    expect(lines).toHaveLength(1 + getFormat("2019").cells.length + getFormat("2021").cells.length + 1);
    expect(lines[1]).toBe(`2019,'=cmd,"同心县""政府"",办公室",2019,active_disclosure,regulations,new_made,（一）规章 本年新制作数量,0,`);
  });

  it("keeps negative numbers in the value column, money with its unit, blanks empty", () => {
    expect(lines).toContain(`2019,'=cmd,"同心县""政府"",办公室",2019,active_disclosure,admin_penalty,change,（六）行政处罚 本年增/减,-18,`);
    expect(lines).toContain(
      `2019,'=cmd,"同心县""政府"",办公室",2019,active_disclosure,gov_procurement,total_amount,（九）政府集中采购 采购总金额,75394432.52,元`,
    );
    expect(lines).toContain(
      `2019,'=cmd,"同心县""政府"",办公室",2019,applications,new_received,natural_person,一、本年新收政府信息公开申请数量 自然人,,`,
    );
    expect(lines).toContain(
      "2021,test-unit,测试单位,2021,review_litigation,litigation_direct,total,行政诉讼 未经复议直接起诉 总计,0,",
    );
  });
});
