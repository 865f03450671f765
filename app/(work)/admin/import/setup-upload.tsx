"use client";
// Upload of the bulk set-up file: 试导入 checks and lists per-row errors; 导入 applies only when every row is valid.
import { useState } from "react";

interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
interface BulkResult {
  applied: boolean;
  errors: RowError[];
  units: { code: string; name: string; kindLabel: string; parentCode: string | null }[];
  users: { username: string; displayName: string; roleLabel: string; unitCode: string | null; regionCode: string | null }[];
  passwords: { username: string; password: string }[];
}
type Outcome = { mode: "dry-run" | "apply"; result: BulkResult } | { error: string } | null;

export function SetupUpload() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function send(mode: "dry-run" | "apply") {
    if (!file) {
      setOutcome({ error: "请先选择要上传的文件（.xlsx 或 .csv）。" });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await fetch(`/api/admin/import?mode=${mode}`, { method: "POST", body });
      const json = (await res.json()) as BulkResult | { error: string };
      setOutcome("error" in json ? { error: json.error } : { mode, result: json });
    } catch {
      setOutcome({ error: "上传失败，请检查网络后重试。" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="setup-file" className="mb-1 block text-sm font-medium">
            选择文件（.xlsx 或 .csv，不超过 1 MB）
          </label>
          <input
            id="setup-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setOutcome(null);
            }}
            className="text-sm"
          />
        </div>
        <button type="button" disabled={busy} onClick={() => void send("dry-run")} className="rounded border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-100 disabled:opacity-60">
          试导入（只检查）
        </button>
        <button type="button" disabled={busy} onClick={() => void send("apply")} className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-dark disabled:opacity-60">
          导入
        </button>
        {busy ? <span role="status">正在处理…</span> : null}
      </div>
      {outcome && "error" in outcome ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {outcome.error}
        </p>
      ) : null}
      {outcome && "result" in outcome ? <ResultView mode={outcome.mode} result={outcome.result} /> : null}
    </div>
  );
}

function ResultView({ mode, result }: { mode: "dry-run" | "apply"; result: BulkResult }) {
  const counts = `${result.units.length} 个单位、${result.users.length} 名用户`;
  return (
    <div className="space-y-3" data-testid="import-result">
      {result.errors.length ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">
            有 {result.errors.length} 处错误，{mode === "apply" ? "未导入任何内容" : "导入时将不会写入任何内容"}。请按下表改正文件后重新上传：
          </p>
          <table className="mt-2 w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-red-200">
                <th scope="col" className="px-2 py-1">工作表</th>
                <th scope="col" className="px-2 py-1">行</th>
                <th scope="col" className="px-2 py-1">列</th>
                <th scope="col" className="px-2 py-1">问题</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i} className="border-b border-red-100" data-row={e.row}>
                  <td className="px-2 py-1">{e.sheet}</td>
                  <td className="px-2 py-1">第 {e.row} 行</td>
                  <td className="px-2 py-1">{e.column}</td>
                  <td className="px-2 py-1">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : result.applied ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          已导入 {counts}。新用户首次登录时须修改初始密码。
        </p>
      ) : (
        <p role="status" className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          检查通过：可以导入 {counts}。确认无误后点击“导入”。
        </p>
      )}
      {result.passwords.length ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="generated-passwords">
          <p className="font-medium">自动生成的初始密码（只显示这一次，请现在抄下或复制，并通过安全渠道交给本人）：</p>
          <table className="mt-2 border-collapse bg-white">
            <tbody>
              {result.passwords.map((p) => (
                <tr key={p.username} className="border-b border-amber-100">
                  <th scope="row" className="px-2 py-1 text-left font-mono font-normal">{p.username}</th>
                  <td className="select-all px-2 py-1 font-mono">{p.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!result.errors.length && (result.units.length || result.users.length) ? (
        <details>
          <summary className="cursor-pointer text-sm">{mode === "apply" && result.applied ? "已导入的内容" : "将导入的内容"}</summary>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {result.units.map((u) => (
              <li key={u.code}>
                单位 {u.name}（{u.code}，{u.kindLabel}{u.parentCode ? `，上级 ${u.parentCode}` : ""}）
              </li>
            ))}
            {result.users.map((u) => (
              <li key={u.username}>
                用户 {u.displayName}（{u.username}，{u.roleLabel}
                {u.unitCode ? `，单位 ${u.unitCode}` : ""}
                {u.regionCode ? `，审核范围 ${u.regionCode}` : ""}）
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
