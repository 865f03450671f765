"use client";
// Submitting: blocked while there are errors, blanks, invalid entries or conflicts; each warning needs a short
// written explanation, sent with the submission.
import { useState } from "react";
import type { Issue } from "@/lib/report-format";
import type { ActionResult } from "./form-types";

function keyOf(issue: Issue): string {
  return `${issue.rule}@${issue.cell ?? ""}`;
}

export function SubmitPanel({
  issues,
  blankCount,
  invalidCount,
  conflictCount,
  proposalCount = 0,
  onFillZero,
  onSubmit,
}: {
  issues: Issue[];
  blankCount: number;
  invalidCount: number;
  conflictCount: number;
  /** Blank cells still showing an unaccepted carry-over proposal (counted in blankCount). */
  proposalCount?: number;
  onFillZero(): void;
  onSubmit(explanations: { rule: string; cell?: string; text: string }[]): Promise<ActionResult<null>>;
}) {
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
  const blockers = [
    errors.length ? `还有 ${errors.length} 个错误须修正` : null,
    blankCount
      ? `还有 ${blankCount} 个单元格未填写（没有的数据请填 0${proposalCount ? `；其中 ${proposalCount} 个上年结转建议尚未采用` : ""}）`
      : null,
    invalidCount ? `有 ${invalidCount} 个单元格内容无效` : null,
    conflictCount ? `有 ${conflictCount} 处修改冲突未处理` : null,
  ].filter((b): b is string => b !== null);
  const unexplained = warnings.filter((w) => !(texts[keyOf(w)] ?? "").trim()).length;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await onSubmit(warnings.map((w) => ({ rule: w.rule, ...(w.cell ? { cell: w.cell } : {}), text: (texts[keyOf(w)] ?? "").trim() })));
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <section aria-labelledby="submit-title" className="rounded border border-gray-200 bg-white p-3 text-sm">
      <h2 id="submit-title" className="mb-2 font-semibold">
        提交审核
      </h2>
      {!open ? (
        <button type="button" className="w-full rounded bg-accent px-3 py-2 font-medium text-white hover:bg-accent-dark" onClick={() => setOpen(true)}>
          提交…
        </button>
      ) : (
        <div className="space-y-3" data-testid="submit-panel">
          {blockers.length ? (
            <div role="alert" className="rounded bg-red-50 p-2 text-red-800">
              <p className="font-medium">暂不能提交：</p>
              <ul className="list-disc pl-5">
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
              {blankCount ? (
                <button type="button" className="mt-1 text-accent underline" onClick={onFillZero}>
                  将空白单元格填为 0
                </button>
              ) : null}
            </div>
          ) : null}
          {warnings.length ? (
            <div className="space-y-2">
              <p>以下 {warnings.length} 条提示须逐条说明原因（如数据确实如此）：</p>
              {warnings.map((w) => (
                <label key={keyOf(w)} className="block">
                  <span className="block text-amber-900">{w.message}</span>
                  <textarea
                    aria-label={`说明：${w.message}`}
                    rows={2}
                    maxLength={2000}
                    value={texts[keyOf(w)] ?? ""}
                    onChange={(e) => setTexts((t) => ({ ...t, [keyOf(w)]: e.target.value }))}
                    className="mt-1 w-full rounded border border-gray-300 p-1"
                  />
                </label>
              ))}
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex gap-2">
            <button
              type="button"
              disabled={busy || blockers.length > 0 || unexplained > 0}
              onClick={() => void submit()}
              className="rounded bg-accent px-3 py-2 font-medium text-white disabled:opacity-50"
            >
              {busy ? "正在提交…" : "确认提交"}
            </button>
            <button type="button" className="rounded border border-gray-300 px-3 py-2" onClick={() => setOpen(false)}>
              取消
            </button>
          </div>
          {unexplained && !blockers.length ? <p className="text-gray-600">还有 {unexplained} 条提示未说明。</p> : null}
        </div>
      )}
    </section>
  );
}
