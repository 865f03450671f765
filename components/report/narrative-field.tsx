"use client";
// A narrative section as a plain text area (paragraphs separated by a blank line, **bold** lead-ins), with its
// character count, its checks and any conflict with someone else's edit.
import { narrativeLength, type Issue, type NarrativeId } from "@/lib/report-format";
import type { CellConflict } from "./use-autosave";

export function NarrativeField({
  section,
  label,
  hint,
  value,
  issues,
  conflict,
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
  onChange(text: string): void;
  onBlur(): void;
  onResolve(keep: "mine" | "theirs"): void;
}) {
  const id = `narrative-${section}`;
  return (
    <div className="space-y-1">
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        data-cell={`narratives.${section}`}
        aria-label={label}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        rows={section === "preamble" ? 4 : 10}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        className={`w-full rounded border bg-white p-3 font-official-body leading-relaxed ${
          conflict ? "border-purple-600" : issues.length ? "border-amber-500" : "border-gray-300"
        }`}
      />
      <div className="flex flex-wrap gap-x-4 text-xs text-gray-600">
        <span>{narrativeLength(value)} 字（不含空白）</span>
        <span>段落之间空一行；**加粗** 用于“一是……”等小标题。</span>
      </div>
      {issues.map((issue, i) => (
        <p key={i} className="text-sm text-amber-800">
          {issue.message}
        </p>
      ))}
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
