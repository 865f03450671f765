"use client";
// The progress board's table: filter by status and kind, search, sort, overdue units marked, 催报 one or all late
// units, and approve several clean submissions with one confirmation.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { ActionResult } from "@/components/report/form-types";
import { StatusBadge } from "@/components/ui/status-badge";

export interface BoardItem {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  status: string;
  statusLabel: string;
  lockVersion: number;
  updated: string;
  errors: number;
  warnings: number;
  blanks: number;
  lastReminded: string | null;
  isNew: boolean;
}

type Remind = (input: { year: number; unitCodes: string[] }) => Promise<ActionResult<{ reminded: string[]; skipped: string[] }>>;
type BulkApprove = (input: { year: number; items: { unitCode: string; lockVersion: number }[] }) => Promise<ActionResult<{ unitCode: string; ok: boolean; message?: string }[]>>;

const OPEN = ["not_started", "draft", "returned", "correcting"];
type SortKey = "order" | "name" | "status" | "errors";

export function BoardTable({
  year,
  items,
  overdue,
  remind,
  bulkApprove,
}: {
  year: number;
  items: BoardItem[];
  /** The unit deadline has passed: every unit that has not submitted is late. */
  overdue: boolean;
  remind: Remind;
  bulkApprove: BulkApprove;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("all");
  const [kind, setKind] = useState("all");
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortKey>("order");
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => {
    const rows = items.filter(
      (r) => (status === "all" || r.status === status) && (kind === "all" || (kind === "department" ? r.kind === "department" : r.kind !== "department")) && r.name.includes(query.trim()),
    );
    const byKey: Record<SortKey, (a: BoardItem, b: BoardItem) => number> = {
      order: () => 0,
      name: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
      status: (a, b) => a.statusLabel.localeCompare(b.statusLabel, "zh-CN"),
      errors: (a, b) => b.errors - a.errors || b.warnings - a.warnings,
    };
    return [...rows].sort(byKey[sort]);
  }, [items, status, kind, query, sort]);

  const late = items.filter((r) => OPEN.includes(r.status));
  const approvable = shown.filter((r) => r.status === "submitted" && r.errors === 0);

  const doRemind = async (codes: string[]) => {
    setBusy(true);
    const result = await remind({ year, unitCodes: codes });
    setBusy(false);
    if (!result.ok) return setMessage(result.error);
    setMessage(`已催报 ${result.data.reminded.length} 个单位${result.data.skipped.length ? `，${result.data.skipped.length} 个已提交的单位未催报` : ""}。`);
    router.refresh();
  };

  const doApprove = async () => {
    const items2 = items.filter((r) => selected.includes(r.code)).map((r) => ({ unitCode: r.code, lockVersion: r.lockVersion }));
    if (!items2.length || !window.confirm(`确定审核通过选中的 ${items2.length} 份年报？`)) return;
    setBusy(true);
    const result = await bulkApprove({ year, items: items2 });
    setBusy(false);
    if (!result.ok) return setMessage(result.error);
    const failed = result.data.filter((r) => !r.ok);
    setMessage(`已通过 ${result.data.length - failed.length} 份${failed.length ? `；${failed.length} 份未通过：${failed.map((f) => `${f.unitCode}（${f.message}）`).join("；")}` : "。"}`);
    setSelected([]);
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          <span className="block text-gray-600">状态</span>
          <select aria-label="按状态筛选" value={status} onChange={(e) => setStatus(e.target.value)} className="rounded border border-gray-300 p-1">
            <option value="all">全部</option>
            {[...new Map(items.map((r) => [r.status, r.statusLabel]))].map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="block text-gray-600">类别</span>
          <select aria-label="按类别筛选" value={kind} onChange={(e) => setKind(e.target.value)} className="rounded border border-gray-300 p-1">
            <option value="all">全部</option>
            <option value="township">乡镇</option>
            <option value="department">部门</option>
          </select>
        </label>
        <label>
          <span className="block text-gray-600">排序</span>
          <select aria-label="排序" value={sort} onChange={(e) => setSort(e.target.value as SortKey)} className="rounded border border-gray-300 p-1">
            <option value="order">默认</option>
            <option value="name">单位名称</option>
            <option value="status">状态</option>
            <option value="errors">错误多的在前</option>
          </select>
        </label>
        <label>
          <span className="block text-gray-600">搜索单位</span>
          <input aria-label="搜索单位" value={query} onChange={(e) => setQuery(e.target.value)} className="rounded border border-gray-300 p-1" />
        </label>
        <div className="ml-auto flex flex-wrap gap-2">
          <button type="button" disabled={busy || !late.length} onClick={() => void doRemind(late.map((r) => r.code))} className="rounded border border-amber-600 px-2 py-1 text-amber-800 disabled:opacity-50">
            催报全部未提交单位（{late.length}）
          </button>
          <button type="button" disabled={busy || !selected.length} onClick={() => void doApprove()} className="rounded bg-green-700 px-2 py-1 text-white disabled:opacity-50">
            批量审核通过（{selected.length}）
          </button>
          <a href={`/api/review/${year}/board`} className="rounded border border-gray-400 px-2 py-1">
            导出 Excel
          </a>
        </div>
      </div>
      {message ? (
        <p role="status" className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          {message}
        </p>
      ) : null}
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">各填报单位的年报状态</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-2 py-2">
              <input
                type="checkbox"
                aria-label="选择全部可通过的年报"
                checked={approvable.length > 0 && approvable.every((r) => selected.includes(r.code))}
                onChange={(e) => setSelected(e.target.checked ? approvable.map((r) => r.code) : [])}
              />
            </th>
            <th scope="col" className="px-2 py-2">单位</th>
            <th scope="col" className="px-2 py-2">类别</th>
            <th scope="col" className="px-2 py-2">状态</th>
            <th scope="col" className="px-2 py-2">检查</th>
            <th scope="col" className="px-2 py-2">最近变更</th>
            <th scope="col" className="px-2 py-2">催报</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const isLate = overdue && OPEN.includes(r.status);
            return (
              <tr key={r.code} data-unit={r.code} data-late={isLate || undefined} className={`border-b border-gray-100 ${isLate ? "bg-red-50" : ""}`}>
                <td className="px-2 py-2">
                  {r.status === "submitted" && r.errors === 0 ? (
                    <input
                      type="checkbox"
                      aria-label={`选择 ${r.name}`}
                      checked={selected.includes(r.code)}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.code] : s.filter((c) => c !== r.code)))}
                    />
                  ) : null}
                </td>
                <th scope="row" className="px-2 py-2 text-left font-normal">
                  <Link href={`/review/${year}/${r.code}`} className="text-accent hover:underline">
                    {r.name}
                  </Link>
                  {r.isNew ? <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">新提交</span> : null}
                  {isLate ? <span className="ml-2 text-xs text-red-700">已逾期</span> : null}
                </th>
                <td className="px-2 py-2">{r.kindLabel}</td>
                <td className="px-2 py-2">
                  <StatusBadge status={r.status} label={r.statusLabel} />
                </td>
                <td className="px-2 py-2">
                  {r.status === "not_started" ? "—" : `错误 ${r.errors} · 提示 ${r.warnings}${r.blanks ? ` · 空白 ${r.blanks}` : ""}`}
                </td>
                <td className="px-2 py-2 text-gray-600">{r.updated}</td>
                <td className="px-2 py-2">
                  {OPEN.includes(r.status) ? (
                    <button type="button" disabled={busy} onClick={() => void doRemind([r.code])} className="text-amber-800 underline disabled:opacity-50">
                      催报
                    </button>
                  ) : null}
                  {r.lastReminded ? <span className="ml-1 text-xs text-gray-500">上次 {r.lastReminded}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
