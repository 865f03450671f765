// narrativeToBlocks and the narrative counting helpers.

import { describe, expect, it } from "vitest";
import { narrativeLength, narrativeToBlocks, quotedApplicationFigures } from "./narrative";

describe("narrativeToBlocks", () => {
  it("splits paragraphs on blank lines and reads **bold**", () => {
    expect(narrativeToBlocks("一是**聚焦热点**，主动发声。\r\n\r\n二是强化解读。")).toEqual({
      paragraphs: [
        { segments: [{ text: "一是", bold: false }, { text: "聚焦热点", bold: true }, { text: "，主动发声。", bold: false }] },
        { segments: [{ text: "二是强化解读。", bold: false }] },
      ],
    });
  });

  it("folds single line breaks (no space between Chinese, a space between Latin words)", () => {
    expect(narrativeToBlocks("第一行\n第二行\nsee\nhere").paragraphs[0].segments).toEqual([{ text: "第一行第二行see here", bold: false }]);
  });

  it("never interprets HTML and keeps an unmatched ** as text", () => {
    expect(narrativeToBlocks("<b>不加粗</b> **未闭合").paragraphs[0].segments).toEqual([
      { text: "<b>不加粗</b> **未闭合", bold: false },
    ]);
  });

  it("drops empty paragraphs", () => {
    expect(narrativeToBlocks("\n\n  \n\n").paragraphs).toEqual([]);
  });
});

describe("narrative helpers", () => {
  it("counts printed characters without white space or bold markers", () => {
    expect(narrativeLength(" 一二 \n三**四** ")).toBe(4);
  });

  it("finds application figures one sentence at a time", () => {
    expect(quotedApplicationFigures("收到网民来信 54 件。2019 年，收到政府信息依申请公开 4 件，均已办理。")).toEqual(["4"]);
    expect(quotedApplicationFigures("新收申请１，２００件；受理后答复。")).toEqual(["1200"]);
  });
});
