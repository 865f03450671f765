// The narrative editor's pure helpers: the 年年雷同 paragraph comparison and the 加粗 command.
import { describe, expect, it } from "vitest";
import { narrativeToBlocks } from "@/lib/report-format";
import { toggleBold } from "./bold-markup";
import { countSameAsPrevious, normaliseParagraph, sameAsPrevious } from "./narrative-compare";

const lastYear = "存在的问题：一是公开不够及时；二是解读形式单一。\n\n改进措施：一是**健全审核机制**；二是**丰富解读形式**。";

describe("paragraphs identical to last year", () => {
  it("normalises white space and bold markers only", () => {
    expect(normaliseParagraph("  一是**健全**  机制\t。 ")).toBe("一是健全 机制 。");
    expect(normaliseParagraph("一是健全机制。")).not.toBe(normaliseParagraph("一是健全机制！"));
  });

  it("flags a copied text paragraph by paragraph, aligned with the printed paragraphs", () => {
    expect(sameAsPrevious(lastYear, lastYear)).toEqual([true, true]);
    expect(countSameAsPrevious(lastYear, lastYear)).toBe(2);
    const edited = `${lastYear.split("\n\n")[0]}\n\n改进措施：一是建立月度通报制度；二是开设政策解读专栏。\n\n新增一段。`;
    const flags = sameAsPrevious(edited, lastYear);
    expect(flags).toEqual([true, false, false]);
    expect(flags).toHaveLength(narrativeToBlocks(edited).paragraphs.length);
  });

  it("ignores re-wrapped lines, extra blank lines, added bold and spaces at the ends", () => {
    const rewrapped = "  存在的问题：一是公开不够及时；\n二是解读形式单一。\n\n\n\n**改进措施：**一是健全审核机制；二是丰富解读形式。  ";
    expect(sameAsPrevious(rewrapped, lastYear)).toEqual([true, true]);
  });

  it("finds nothing when last year is empty or the text is new", () => {
    expect(sameAsPrevious(lastYear, "")).toEqual([false, false]);
    expect(countSameAsPrevious("", lastYear)).toBe(0);
    expect(countSameAsPrevious("全新的内容。", lastYear)).toBe(0);
  });

  it("does not match a paragraph that only contains last year's paragraph", () => {
    expect(countSameAsPrevious("存在的问题：一是公开不够及时；二是解读形式单一。此外，培训不足。", lastYear)).toBe(0);
  });
});

describe("加粗", () => {
  it("wraps the selection and keeps it selected", () => {
    const r = toggleBold("一是健全机制。", 0, 2);
    expect(r).toEqual({ text: "**一是**健全机制。", start: 0, end: 6 });
    expect(narrativeToBlocks(r.text).paragraphs[0]!.segments[0]).toEqual({ text: "一是", bold: true });
  });

  it("unwraps a selection between markers, or one that includes them", () => {
    expect(toggleBold("**一是**健全", 2, 4)).toEqual({ text: "一是健全", start: 0, end: 2 });
    expect(toggleBold("**一是**健全", 0, 6)).toEqual({ text: "一是健全", start: 0, end: 2 });
  });

  it("puts an empty pair at the caret", () => {
    expect(toggleBold("一是", 2, 2)).toEqual({ text: "一是****", start: 4, end: 4 });
  });

  it("keeps edge white space outside the markers and wraps each paragraph on its own", () => {
    expect(toggleBold("甲 一是 乙", 1, 5).text).toBe("甲 **一是** 乙");
    const r = toggleBold("一是甲。\n\n二是乙。", 0, 10);
    expect(r.text).toBe("**一是甲。**\n\n**二是乙。**");
    expect(narrativeToBlocks(r.text).paragraphs.map((p) => p.segments)).toEqual([
      [{ text: "一是甲。", bold: true }],
      [{ text: "二是乙。", bold: true }],
    ]);
  });

  it("clamps a reversed or out-of-range selection", () => {
    expect(toggleBold("一是", 5, 0).text).toBe("**一是**");
  });
});
