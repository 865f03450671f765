"use client";
// The live list of problems: errors and warnings with links to their cells; blank cells summarised in one line.
import type { CellValues, FormatDef, Issue } from "@/lib/report-format";
import { focusCell } from "./focus-cell";


export function IssuePanel({
  issues,
  format,
  values,
  inputOrder,
  onFillZero,
  proposedCells = [],
  onAcceptProposals,
}: {
  issues: Issue[];
  format: FormatDef;
  values: CellValues;
  inputOrder: string[];
  onFillZero(): void;
  /** Blank cells showing last year's proposal: blank until accepted, named apart in the summary. */
  proposedCells?: string[];
  onAcceptProposals?(): void;
}) {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
  const proposed = new Set(proposedCells);
  const blanks = inputOrder.filter(
    (a) => values[a] === null && (proposed.has(a) || issues.some((i) => i.rule === "GEN-FILLED" && i.cell === a)),
  );
  const item = (issue: Issue, i: number) => (
    <li key={i} data-rule={issue.rule} data-issue-cell={issue.cell}>
      {issue.cell ? (
        <button type="button" className="text-left hover:underline" onClick={() => focusCell(issue.cell!)}>
          {issue.message}
        </button>
      ) : (
        issue.message
      )}
    </li>
  );
  return (
    <section aria-labelledby="issues-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="issue-panel">
      <h2 id="issues-title" className="mb-2 font-semibold">
        检查结果
      </h2>
      {errors.length + warnings.length + blanks.length === 0 ? <p className="text-green-700">未发现问题。</p> : null}
      {blanks.length ? (
        <div className="mb-3 rounded bg-yellow-50 p-2" data-testid="blank-summary">
          <p>
            {blanks.length} 个单元格未填写
            {proposed.size ? `（其中 ${proposed.size} 个有上年结转建议，尚未采用）` : ""}
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            <button type="button" className="text-accent underline" onClick={() => focusCell(blanks[0]!)}>
              跳到第一个未填写的单元格
            </button>
            <button type="button" className="text-accent underline" onClick={onFillZero}>
              将空白单元格填为 0
            </button>
            {proposed.size && onAcceptProposals ? (
              <button type="button" className="text-accent underline" onClick={onAcceptProposals}>
                采用全部上年结转建议
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {errors.length ? (
        <div className="mb-3">
          <h3 className="font-medium text-red-700">错误 {errors.length} 个（须修正后才能提交）</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-red-800" data-testid="error-list">
            {errors.map(item)}
          </ul>
        </div>
      ) : null}
      {warnings.length ? (
        <div>
          <h3 className="font-medium text-amber-700">提示 {warnings.length} 条（提交时须逐条说明）</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-amber-900" data-testid="warning-list">
            {warnings.map(item)}
          </ul>
        </div>
      ) : null}
      <p className="sr-only">共 {format.inputCells.length} 个需填写的单元格。</p>
    </section>
  );
}
