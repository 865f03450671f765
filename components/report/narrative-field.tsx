"use client";
// A narrative section's editor: plain text with blank-line paragraphs and **bold** lead-ins (加粗 / Ctrl+B), a live
// count, its NARR-* checks, a preview in the official layout, last year's text beside it with the paragraphs that
// are still identical marked, and any conflict with someone else's edit.
import { useLayoutEffect, useRef, useState } from "react";
import { narrativeLength, type Issue, type NarrativeId } from "@/lib/report-format";
import { toggleBold } from "./bold-markup";
import { countSameAsPrevious, sameAsPrevious } from "./narrative-compare";
import { NarrativePrevious } from "./narrative-previous";
import { NarrativeText } from "./narrative-text";
import type { CellConflict } from "./use-autosave";

const toolButton = "rounded border border-gray-300 bg-white px-2 py-0.5 hover:bg-gray-100 aria-pressed:border-accent aria-pressed:bg-accent/10";

export function NarrativeField({
  section,
  label,
  hint,
  value,
  issues,
  conflict,
  maxLength,
  previous,
  onChange,
  onBlur,
  onResolve,
}: {
  section: NarrativeId;
  label: string;
  hint?: string;
  value: string;
  issues: Issue[];
  conflict?: CellConflict;
  /** The format's length guide for this section (2021 一、总体情况: 1000), shown as "n / max". */
  maxLength?: number;
  /** Last year's text of this section, when last year's report has one. */
  previous?: { year: number; text: string };
  onChange(text: string): void;
  onBlur(): void;
  onResolve(keep: "mine" | "theirs"): void;
}) {
  const id = `narrative-${section}`;
  const area = useRef<HTMLTextAreaElement>(null);
  const selectAfter = useRef<{ start: number; end: number } | null>(null);
  const [preview, setPreview] = useState(false);
  const [showPrevious, setShowPrevious] = useState(false);

  // A command rewrites the whole value; put the selection back where the command left it once React has rendered.
  useLayoutEffect(() => {
    const sel = selectAfter.current;
    if (!sel || !area.current) return;
    selectAfter.current = null;
    area.current.focus();
    area.current.setSelectionRange(sel.start, sel.end);
  }, [value]);

  const bold = () => {
    const el = area.current;
    if (!el) return;
    const edit = toggleBold(value, el.selectionStart, el.selectionEnd);
    selectAfter.current = { start: edit.start, end: edit.end };
    onChange(edit.text);
  };

  const length = narrativeLength(value);
  const over = maxLength !== undefined && length > maxLength;
  const same = previous ? sameAsPrevious(value, previous.text) : [];
  const sameCount = previous ? countSameAsPrevious(value, previous.text) : 0;
  // The notices forbid 年年雷同 in 五、存在的主要问题及改进情况: there, repeating last year is a warning.
  const sameIsWarning = section === "s5";
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`, sameCount ? `${id}-same` : null, issues.length ? `${id}-issues` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="space-y-1">
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
      <div role="group" aria-label={`${label}编辑工具`} className="flex flex-wrap gap-2 text-sm">
        <button type="button" className={toolButton} title="把选中的文字加粗（Ctrl+B）" aria-keyshortcuts="Control+B" onMouseDown={(e) => e.preventDefault()} onClick={bold}>
          <strong>加粗</strong>
        </button>
        <button type="button" className={toolButton} aria-pressed={preview} aria-controls={`${id}-preview`} onClick={() => setPreview((p) => !p)}>
          预览
        </button>
        {previous ? (
          <button type="button" className={toolButton} aria-pressed={showPrevious} aria-controls={`${id}-previous`} onClick={() => setShowPrevious((p) => !p)}>
            显示上年内容
          </button>
        ) : null}
      </div>
      <div className={showPrevious && previous ? "grid gap-3 xl:grid-cols-2" : ""}>
        <textarea
          ref={area}
          id={id}
          data-cell={`narratives.${section}`}
          aria-label={label}
          aria-describedby={describedBy}
          value={value}
          rows={section === "preamble" ? 4 : 10}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "b") {
              e.preventDefault();
              bold();
            }
          }}
          onBlur={onBlur}
          className={`w-full rounded border bg-white p-3 font-official-body leading-relaxed ${
            conflict ? "border-purple-600" : issues.length ? "border-amber-500" : "border-gray-300"
          }`}
        />
        {showPrevious && previous ? (
          <NarrativePrevious
            id={`${id}-previous`}
            label={label}
            year={previous.year}
            previousText={previous.text}
            currentText={value}
            onCopy={() => {
              selectAfter.current = { start: 0, end: 0 };
              onChange(previous.text);
            }}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap gap-x-4 text-xs text-gray-600">
        <span id={`${id}-count`} data-testid={`${id}-count`} className={over ? "font-medium text-amber-800" : undefined}>
          {maxLength !== undefined ? `${length} / ${maxLength} 字（不含空白）` : `${length} 字（不含空白）`}
          {over ? "，已超过篇幅要求" : ""}
        </span>
        <span>段落之间空一行；选中文字按“加粗”或 Ctrl+B 加粗“一是……”等小标题。</span>
      </div>
      {sameCount ? (
        <p id={`${id}-same`} data-testid={`${id}-same`} className={`text-sm ${sameIsWarning ? "font-medium text-amber-800" : "text-gray-600"}`}>
          {sameIsWarning
            ? `${sameCount} 段与上年完全相同。通知要求本节不得年年雷同，请结合本年实际修改。`
            : `${sameCount} 段与上年相同。`}
        </p>
      ) : null}
      {issues.length ? (
        <ul id={`${id}-issues`} className="space-y-0.5 text-sm text-amber-800" data-testid={`${id}-issues`}>
          {issues.map((issue, i) => (
            <li key={i} data-rule={issue.rule}>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {preview ? (
        <section id={`${id}-preview`} aria-label={`${label}预览`} data-testid={`${id}-preview`} className="rounded border border-gray-300 bg-white px-6 py-3 font-official-body text-[15px] text-black">
          <p className="mb-1 font-sans text-xs text-gray-500">预览（正式版式{previous ? "；标出与上年相同的段落" : ""}）</p>
          <NarrativeText text={value} sameAsLastYear={same} />
        </section>
      ) : null}
      {conflict ? (
        <div role="alert" className="rounded bg-purple-50 p-2 text-sm text-purple-900">
          <p>{conflict.by ?? "他人"}同时修改了这一部分，您的文字尚未保存。</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className="rounded bg-purple-700 px-2 py-1 text-white" onClick={() => onResolve("mine")}>
              保留我的文字
            </button>
            <button type="button" className="rounded border border-purple-700 px-2 py-1" onClick={() => onResolve("theirs")}>
              采用对方的文字
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
