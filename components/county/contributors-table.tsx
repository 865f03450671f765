"use client";
// Who the roll-up includes: every child unit with its report status, included / excluded (with the reason) / missing,
// and the supervisor's exclude-with-reason and include-again actions.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ContributorRow, ExcludeAction, IncludeAction, RegionTarget } from "./types";

const STATE_LABELS: Record<ContributorRow["state"], string> = { included: "计入", excluded: "已排除", missing: "未计入（未审核通过）" };
const STATE_CLASS: Record<ContributorRow["state"], string> = {
  included: "text-green-800",
  excluded: "text-red-800",
  missing: "text-gray-600",
};

export function ContributorsTable({
  target,
  rows,
  canEdit,
  exclude,
  include,
}: {
  target: RegionTarget;
  rows: ContributorRow[];
  canEdit: boolean;
  exclude: ExcludeAction;
  include: IncludeAction;
}) {
  const router = useRouter();
  const [excluding, setExcluding] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = (state: ContributorRow["state"]) => rows.filter((r) => r.state === state).length;

  const go = async (fn: () => ReturnType<IncludeAction>) => {
    setBusy(true);
    setError(null);
    const result = await fn();
    setBusy(false);
    if (result.ok) {
      setExcluding(null);
      setReason("");
      router.refresh();
    } else setError(result.error);
  };

  return (
    <section aria-labelledby="contributors-title" className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="contributors">
      <h2 id="contributors-title" className="font-semibold">
        汇总范围
      </h2>
      <p className="mt-1 text-gray-700" data-testid="contributor-counts">
        计入 {count("included")} 个，未审核通过 {count("missing")} 个，已排除 {count("excluded")} 个。
      </p>
      {error ? (
        <p role="alert" className="mt-2 rounded bg-red-50 p-2 text-red-800">
          {error}
        </p>
      ) : null}
      <table className="mt-2 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-1 pr-2 font-medium">单位</th>
            <th scope="col" className="py-1 pr-2 font-medium">类别</th>
            <th scope="col" className="py-1 pr-2 font-medium">状态</th>
            <th scope="col" className="py-1 pr-2 font-medium">汇总</th>
            {canEdit ? <th scope="col" className="py-1 font-medium">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-unit={r.code} data-state={r.state} className="border-b border-gray-100 align-top">
              <td className="py-1 pr-2">{r.name}</td>
              <td className="py-1 pr-2">{r.kindLabel}</td>
              <td className="py-1 pr-2">{r.statusLabel}</td>
              <td className={`py-1 pr-2 ${STATE_CLASS[r.state]}`}>
                {STATE_LABELS[r.state]}
                {r.exclusion ? <span className="block text-xs text-gray-700">原因：{r.exclusion.reason}{r.exclusion.byName ? `（${r.exclusion.byName}）` : ""}</span> : null}
              </td>
              {canEdit ? (
                <td className="py-1">
                  {r.state === "excluded" ? (
                    <button type="button" disabled={busy} onClick={() => void go(() => include({ ...target, unitCode: r.code }))} className="rounded border border-gray-400 px-2 py-0.5">
                      恢复计入
                    </button>
                  ) : excluding === r.code ? (
                    <form
                      className="space-y-1"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void go(() => exclude({ ...target, unitCode: r.code, reason }));
                      }}
                    >
                      <label className="block">
                        <span className="block text-xs">排除原因（必填）</span>
                        <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} className="w-full rounded border border-gray-300 p-1" />
                      </label>
                      <button type="submit" disabled={busy || reason.trim().length < 2} className="rounded bg-red-700 px-2 py-0.5 text-white disabled:opacity-50">
                        确认排除
                      </button>
                      <button type="button" onClick={() => setExcluding(null)} className="ml-2 rounded border border-gray-400 px-2 py-0.5">
                        取消
                      </button>
                    </form>
                  ) : (
                    <button type="button" disabled={busy} onClick={() => { setExcluding(r.code); setReason(""); }} className="rounded border border-gray-400 px-2 py-0.5" aria-label={`排除 ${r.name}`}>
                      排除…
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
