"use client";
// What importing a workbook would do, before anything is saved: the cells that would change (old → new), the cells
// that could not be read, and the checks the report would then fail.
import type { Issue } from "@/lib/report-format";
import type { XlsxDryRunResponse } from "./form-types";

const shown = (value: string | null) => (value === null ? <span className="text-gray-500">空白</span> : value);

function IssueList({ issues, tone, testId }: { issues: Issue[]; tone: "error" | "warning"; testId: string }) {
  if (!issues.length) return null;
  return (
    <ul className={`mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 ${tone === "error" ? "text-red-800" : "text-amber-900"}`} data-testid={testId}>
      {issues.map((issue, i) => (
        <li key={i} data-rule={issue.rule} data-issue-cell={issue.cell}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

export function ExcelDryRun({ result, busy, onConfirm, onCancel }: { result: XlsxDryRunResponse; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const errors = result.issues.filter((i) => i.severity === "error");
  const warnings = result.issues.filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
  const blanks = result.issues.filter((i) => i.rule === "GEN-FILLED").length;
  return (
    <div className="mt-3 space-y-3" data-testid="xlsx-dry-run">
      <p className="font-medium" role="status">
        {result.changes.length ? `导入将修改 ${result.changes.length} 个单元格，请核对：` : "工作簿中的数字与系统中已保存的相同，没有需要导入的修改。"}
      </p>
      {result.changes.length ? (
        <div className="max-h-80 overflow-y-auto rounded border border-gray-200">
          <table className="w-full border-collapse text-sm" data-testid="xlsx-changes">
            <thead className="sticky top-0 bg-gray-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-medium">单元格</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">原值</th>
                <th scope="col" className="px-2 py-1 text-right font-medium">新值</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((c) => (
                <tr key={c.cell} data-cell={c.cell} className="border-t border-gray-200">
                  <td className="px-2 py-1">{c.label}</td>
                  <td className="px-2 py-1 text-right tabular-nums" data-testid="from">{shown(c.from)}</td>
                  <td className="px-2 py-1 text-right tabular-nums font-medium" data-testid="to">{shown(c.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {result.refused.length ? (
        <div className="rounded border border-red-200 bg-red-50 p-2" data-testid="xlsx-refused">
          <p className="font-medium text-red-800">{result.refused.length} 个单元格的内容无效，不会导入（请在 Excel 中改正后重新上传，或导入后在页面上填写）：</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-800">
            {result.refused.map((r) => (
              <li key={r.cell} data-cell={r.cell}>
                {r.label}：{r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.changes.length ? (
        <div className="rounded border border-gray-200 p-2" data-testid="xlsx-issues">
          <p>
            导入后的检查结果：错误 <strong data-testid="xlsx-error-count">{errors.length}</strong> 个，警告{" "}
            <strong data-testid="xlsx-warning-count">{warnings.length}</strong> 个{blanks ? `，未填写 ${blanks} 个单元格` : ""}。
            {errors.length ? "导入后仍可在页面上修改，错误须修正后才能提交。" : ""}
          </p>
          <IssueList issues={errors} tone="error" testId="xlsx-error-list" />
          <IssueList issues={warnings} tone="warning" testId="xlsx-warning-list" />
        </div>
      ) : null}
      <div className="flex gap-2">
        {result.changes.length ? (
          <button type="button" disabled={busy} onClick={onConfirm} className="rounded bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-dark disabled:opacity-50">
            {busy ? "正在导入…" : "确认导入"}
          </button>
        ) : null}
        <button type="button" disabled={busy} onClick={onCancel} className="rounded border border-gray-400 bg-white px-3 py-1.5 hover:bg-gray-100 disabled:opacity-50">
          {result.changes.length ? "取消" : "关闭"}
        </button>
      </div>
    </div>
  );
}
