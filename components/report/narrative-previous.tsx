"use client";
// Last year's text of a narrative section beside the editor: printed as in the official layout, the paragraphs the
// current text still repeats marked, and a button to copy it in as a starting draft.
import { useState } from "react";
import { sameAsPrevious } from "./narrative-compare";
import { NarrativeText } from "./narrative-text";

export function NarrativePrevious({
  id,
  label,
  year,
  previousText,
  currentText,
  onCopy,
}: {
  id: string;
  label: string;
  year: number;
  previousText: string;
  currentText: string;
  onCopy(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const copy = () => {
    if (currentText.trim() !== "" && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    onCopy();
  };
  return (
    <section id={id} aria-label={`${year} 年报告的「${label}」`} className="rounded border border-gray-300 bg-gray-50 p-3" data-testid="narrative-previous">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <h3 className="font-medium">{year} 年报告中的本节</h3>
        <button type="button" className="ml-auto rounded border border-accent px-2 py-0.5 text-accent hover:bg-white" onClick={copy}>
          复制上年内容作为草稿
        </button>
      </div>
      {confirming ? (
        <div role="alert" className="mb-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900">
          <p>本节已有文字。用上年内容替换当前文字吗？当前文字将被覆盖。</p>
          <div className="mt-1 flex gap-2">
            <button type="button" className="rounded bg-amber-700 px-2 py-0.5 text-white" onClick={copy}>
              替换为上年内容
            </button>
            <button type="button" className="rounded border border-amber-700 px-2 py-0.5" onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        </div>
      ) : null}
      <div className="max-h-96 overflow-y-auto bg-white px-4 py-2 font-official-body text-[15px] text-black">
        <NarrativeText text={previousText} sameAsLastYear={sameAsPrevious(previousText, currentText)} sameNote="本年仍相同" />
      </div>
    </section>
  );
}
