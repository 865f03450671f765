// parseCellInput: what the grid and the server accept for each cell kind, and the Chinese refusals.

import { describe, expect, it } from "vitest";
import { parseCellInput } from "./cell-input";
import { getFormat } from "./formats";
import type { CellDef } from "./types";

function cell(address: string, version: "2019" | "2021" = "2019"): CellDef {
  const found = getFormat(version).cell(address);
  if (!found) throw new Error(address);
  return found;
}

const count = cell("applications.granted.natural_person");
const signed = cell("active_disclosure.admin_fees.change");
const money = cell("active_disclosure.admin_fees.amount", "2021");

describe("parseCellInput", () => {
  it.each([
    ["", null],
    ["   ", null],
    ["12", "12"],
    [" 007 ", "7"],
    ["１２３", "123"],
    ["1,234", "1234"],
    ["1，234，567", "1234567"],
    ["999999999999", "999999999999"],
    ["0", "0"],
  ])("count %j → %j", (raw, value) => {
    expect(parseCellInput(count, raw)).toEqual({ ok: true, value });
  });

  it.each(["abc", "1.5", "-1", "1000000000000", "1,23", "12件", "+3", "1e3", "NaN", "５．５"])("count refuses %j", (raw) => {
    const result = parseCellInput(count, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/请填写 0 到 999999999999 之间的整数/);
  });

  it.each([
    ["-3", "-3"],
    ["－１８", "-18"],
    ["+5", "5"],
    ["-0", "0"],
  ])("signed count %j → %j", (raw, value) => {
    expect(parseCellInput(signed, raw)).toEqual({ ok: true, value });
  });

  it("signed count refuses fractions", () => {
    expect(parseCellInput(signed, "-1.5")).toMatchObject({ ok: false });
  });

  it.each([
    ["7730.28", "7730.28"],
    ["007.50", "7.5"],
    ["5949.088667", "5949.088667"],
    ["１２．５", "12.5"],
    ["1,234.5", "1234.5"],
    [".5", "0.5"],
  ])("money %j → %j", (raw, value) => {
    expect(parseCellInput(money, raw)).toEqual({ ok: true, value });
  });

  it.each(["-1", "1.1234567", "12万", "abc", "."])("money refuses %j", (raw) => {
    const result = parseCellInput(money, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("万元");
  });

  it("refuses typing into a total", () => {
    expect(parseCellInput(cell("applications.granted.total"), "3")).toEqual({
      ok: false,
      message: "该单元格为合计，由系统自动计算，无需填写。",
    });
  });
});
