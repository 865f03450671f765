"use client";
// The Excel round trip on the clerk's page: download the report as .xlsx; upload a filled one for a dry run; confirm
// to apply its changes through the same conflict-safe save as autosave, then show the report as saved.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ExcelDryRun } from "./excel-dry-run";
import type { SaveAction, XlsxDryRunResponse } from "./form-types";

/** Same limit as the server's (lib/export/xlsx-meta MAX_XLSX_BYTES): refused here before any upload. */
const MAX_BYTES = 2 * 1024 * 1024;

type State =
  | { step: "idle" }
  | { step: "checking"; fileName: string }
  | { step: "refused"; message: string }
  | { step: "review"; result: XlsxDryRunResponse; applying: boolean; error?: string }
  | { step: "done"; applied: number; conflicts: { label: string; theirs: string | null }[] };

function isDryRun(body: unknown): body is XlsxDryRunResponse {
  return typeof body === "object" && body !== null && Array.isArray((body as XlsxDryRunResponse).changes) && Array.isArray((body as XlsxDryRunResponse).issues);
}

async function errorText(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string") return (body as { error: string }).error;
  if (response.status === 413) return "文件超过 2 MB，未导入。请确认选择的是本系统下载的 .xlsx 文件。";
  return `检查失败（HTTP ${response.status}），请稍后重试；如反复出现请联系管理员。`;
}

export function ExcelPanel({ unitCode, year, save }: { unitCode: string; year: number; save?: SaveAction }) {
  const router = useRouter();
  const inputId = useId();
  const [state, setState] = useState<State>({ step: "idle" });
  const base = `/api/reports/${year}/${encodeURIComponent(unitCode)}/xlsx`;

  const check = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setState({ step: "refused", message: `“${file.name}”不是 .xlsx 工作簿。请上传从本系统下载的 Excel 文件；旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx。` });
      return;
    }
    if (file.size > MAX_BYTES) {
      setState({ step: "refused", message: "文件超过 2 MB，未导入。本系统下载的工作簿填好后通常不到 100 KB：请确认选择的是本系统下载的 .xlsx 文件。" });
      return;
    }
    setState({ step: "checking", fileName: file.name });
    const form = new FormData();
    form.append("file", file);
    try {
      const response = await fetch(`${base}/dry-run`, { method: "POST", body: form });
      if (!response.ok) {
        setState({ step: "refused", message: await errorText(response) });
        return;
      }
      const body: unknown = await response.json();
      if (!isDryRun(body)) throw new Error("unexpected dry-run answer");
      setState({ step: "review", result: body, applying: false });
    } catch {
      setState({ step: "refused", message: "网络连接中断，文件未能检查。请检查网络后重新上传。" });
    }
  };

  const apply = async (result: XlsxDryRunResponse) => {
    if (!save) return;
    setState({ step: "review", result, applying: true });
    const response = await save({
      unitCode,
      year,
      cells: result.changes.map((c) => ({ cell: c.cell, from: c.from, to: c.to ?? "" })),
      narratives: [],
    }).catch(() => null);
    if (!response || !response.ok) {
      setState({ step: "review", result, applying: false, error: response ? response.error : "网络连接中断，未能导入。请稍后重试。" });
      return;
    }
    const labels = new Map(result.changes.map((c) => [c.cell, c.label]));
    setState({
      step: "done",
      applied: response.data.applied.length,
      conflicts: response.data.conflicts.map((c) => ({ label: labels.get(c.cell) ?? c.cell, theirs: c.theirs })),
    });
    // The form starts from the server's values: refreshing re-renders it with what was just saved.
    router.refresh();
  };

  return (
    <section aria-labelledby={`${inputId}-title`} className="no-print rounded border border-gray-200 bg-white p-4 text-sm" data-testid="excel-panel">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`${inputId}-title`} className="font-semibold">
          Excel 填报
        </h2>
        <a href={base} download className="rounded border border-accent px-3 py-1.5 text-accent hover:bg-blue-50">
          下载 Excel
        </a>
        {save ? (
          <>
            <label htmlFor={inputId} className="cursor-pointer rounded border border-accent px-3 py-1.5 text-accent hover:bg-blue-50 has-[:disabled]:opacity-50">
              上传 Excel
            </label>
            <input
              id={inputId}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="sr-only"
              disabled={state.step === "checking" || (state.step === "review" && state.applying)}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = "";
                if (file) void check(file);
              }}
            />
            <span className="text-gray-600">下载后在 Excel/WPS 中填写白色单元格，保存后上传；导入前会先列出所有修改供您核对。</span>
          </>
        ) : (
          <span className="text-gray-600">本报表当前不能修改，可下载查看。</span>
        )}
      </div>
      {state.step === "checking" ? (
        <p role="status" className="mt-3 text-gray-700" data-testid="xlsx-status">
          正在上传并检查“{state.fileName}”…
        </p>
      ) : null}
      {state.step === "refused" ? (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-red-900" data-testid="xlsx-error">
          {state.message}
        </p>
      ) : null}
      {state.step === "review" ? (
        <>
          <ExcelDryRun result={state.result} busy={state.applying} onConfirm={() => void apply(state.result)} onCancel={() => setState({ step: "idle" })} />
          {state.error ? (
            <p role="alert" className="mt-2 text-red-800" data-testid="xlsx-error">
              {state.error}
            </p>
          ) : null}
        </>
      ) : null}
      {state.step === "done" ? (
        <div role="status" className="mt-3 rounded border border-green-300 bg-green-50 p-2 text-green-900" data-testid="xlsx-done">
          <p>已导入 {state.applied} 个单元格，页面已显示导入后的数字。</p>
          {state.conflicts.length ? (
            <div className="mt-1 text-purple-900" data-testid="xlsx-conflicts">
              <p>{state.conflicts.length} 个单元格在检查之后已被他人修改，未导入（保留了对方的值）；如需修改请在页面上填写：</p>
              <ul className="list-disc pl-5">
                {state.conflicts.map((c) => (
                  <li key={c.label}>
                    {c.label}：现为“{c.theirs ?? "空白"}”
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <button type="button" className="mt-1 underline" onClick={() => setState({ step: "idle" })}>
            关闭
          </button>
        </div>
      ) : null}
    </section>
  );
}
