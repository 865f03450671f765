// Keyboard moves and block paste over the real format layouts.
import { describe, expect, it } from "vitest";
import { getFormat } from "@/lib/report-format";
import { buildGridIndex, moveFrom, parseClipboardBlock, planPaste } from "./grid-model";

const f21 = getFormat("2021");
const idx = buildGridIndex(f21);

describe("grid geometry", () => {
  it("indexes every input cell once, in reading order", () => {
    expect(idx.inputOrder).toHaveLength(f21.inputCells.length);
    expect(new Set(idx.inputOrder).size).toBe(f21.inputCells.length);
    expect(idx.inputOrder[0]).toBe("active_disclosure.regulations.made");
    expect(idx.inputOrder.at(-1)).toBe("review_litigation.litigation_after_review.pending");
  });

  it("moves like a spreadsheet and skips computed totals", () => {
    const a = "applications.new_received.natural_person";
    expect(moveFrom(idx, f21, a, "right")).toBe("applications.new_received.commercial");
    expect(moveFrom(idx, f21, a, "down")).toBe("applications.carried_over.natural_person");
    expect(moveFrom(idx, f21, a, "up")).toBeNull();
    expect(moveFrom(idx, f21, "applications.new_received.other_org", "right")).toBeNull(); // 总计 is computed
    // （七）总计 is computed: down from the last result row jumps to 四、结转下年度.
    expect(moveFrom(idx, f21, "applications.other_other.natural_person", "down")).toBe("applications.carry_forward.natural_person");
    // T2: down from 规章 本年制发 to 行政规范性文件, then over the block headers to 行政许可 (spanning cell).
    expect(moveFrom(idx, f21, "active_disclosure.regulations.made", "down")).toBe("active_disclosure.normative_documents.made");
    expect(moveFrom(idx, f21, "active_disclosure.normative_documents.made", "down")).toBe("active_disclosure.admin_licensing.decisions");
  });
});

describe("paste", () => {
  it("fills a block from the focused cell and reports what it refused", () => {
    const block = parseClipboardBlock("1\t2\t3\t4\t5\t6\t21\r\n7\tx\t\t1.5\t0\t0\r\n");
    const plan = planPaste(idx, f21, "applications.new_received.natural_person", block);
    expect(plan.accepted.map((a) => [a.cell, a.value])).toEqual([
      ["applications.new_received.natural_person", "1"],
      ["applications.new_received.commercial", "2"],
      ["applications.new_received.research", "3"],
      ["applications.new_received.social_org", "4"],
      ["applications.new_received.legal_service", "5"],
      ["applications.new_received.other_org", "6"],
      ["applications.carried_over.natural_person", "7"],
      ["applications.carried_over.research", null],
      ["applications.carried_over.legal_service", "0"],
      ["applications.carried_over.other_org", "0"],
    ]);
    expect(plan.refused.map((r) => [r.cell, r.text])).toEqual([
      ["applications.new_received.total", "21"],
      ["applications.carried_over.commercial", "x"],
      ["applications.carried_over.social_org", "1.5"],
    ]);
    expect(plan.refused[0]!.reason).toContain("自动计算");
    expect(plan.refused[2]!.reason).toContain("不能填小数");
  });

  it("refuses what falls outside the table", () => {
    const plan = planPaste(idx, f21, "review_litigation.litigation_after_review.pending", [["1", "2"], ["3"]]);
    expect(plan.accepted).toEqual([{ cell: "review_litigation.litigation_after_review.pending", text: "1", value: "1" }]);
    expect(plan.refused.map((r) => r.reason)).toEqual(["总计由系统自动计算，已跳过", "超出表格范围"]);
  });
});
