// /admin/audit: the audit log, filtered by person, unit, action and dates, 50 per page, exportable as CSV. Read-only:
// nothing in the app changes or deletes an event, and the database refuses to.
import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listAuditActions, listAuditEvents } from "@/lib/dal/audit-log";
import { listUnitsForAdmin } from "@/lib/dal/units";
import { ValidationError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";

export const metadata: Metadata = { title: "审计日志" };

type Search = Record<string, string | string[] | undefined>;
const KEYS = ["person", "unitId", "action", "from", "to"] as const;

function first(search: Search, key: string): string {
  const v = search[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

const control = "rounded border border-gray-300 px-2 py-1.5 text-sm";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireRole("admin");
  const search = await searchParams;
  const query = Object.fromEntries([...KEYS, "page"].map((k) => [k, first(search, k)]));
  let result;
  let problem: string | null = null;
  try {
    result = await listAuditEvents(actor, query);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    problem = err.message;
    result = await listAuditEvents(actor, {});
  }
  const [actions, units] = await Promise.all([listAuditActions(actor), listUnitsForAdmin(actor)]);
  const filterQuery = new URLSearchParams(KEYS.flatMap((k) => (query[k] ? [[k, query[k]!]] : [])));
  const pageLink = (page: number) => `/admin/audit?${new URLSearchParams([...filterQuery, ["page", String(page)]])}`;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <p className="text-sm text-gray-600">
        记录登录、账户、单位、年度和年报流转等全部操作。日志只能追加：系统中没有修改或删除日志的功能，数据库也拒绝修改和删除，因此所有记录长期保存（不少于 6 个月的要求自然满足）。
      </p>
      <form role="search" aria-label="筛选审计日志" action="/admin/audit" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="f-person" className="mb-1 block text-sm font-medium">人员</label>
          <input id="f-person" name="person" type="search" defaultValue={query.person} placeholder="姓名或用户名" className={control} />
        </div>
        <div>
          <label htmlFor="f-unit" className="mb-1 block text-sm font-medium">单位</label>
          <select id="f-unit" name="unitId" defaultValue={query.unitId} className={control}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {"\u3000".repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-action" className="mb-1 block text-sm font-medium">操作</label>
          <select id="f-action" name="action" defaultValue={query.action} className={control}>
            <option value="">全部操作</option>
            {actions.map((a) => (
              <option key={a.action} value={a.action}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="mb-1 block text-sm font-medium">自</label>
          <input id="f-from" name="from" type="date" defaultValue={query.from} className={control} />
        </div>
        <div>
          <label htmlFor="f-to" className="mb-1 block text-sm font-medium">至</label>
          <input id="f-to" name="to" type="date" defaultValue={query.to} className={control} />
        </div>
        <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-dark">筛选</button>
        <Link href="/admin/audit" className="text-sm text-accent hover:underline">清除</Link>
        <a href={`/api/admin/audit/export?${filterQuery}`} className="ml-auto rounded border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-100" download>
          导出 CSV
        </a>
      </form>
      {problem ? <p role="alert" className="text-sm text-red-800">{problem}（已显示全部记录）</p> : null}
      <p className="text-sm text-gray-600" data-testid="audit-total">
        共 {result.total} 条，第 {result.page} / {result.pages} 页
      </p>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-3 py-2">时间</th>
            <th scope="col" className="px-3 py-2">人员</th>
            <th scope="col" className="px-3 py-2">操作</th>
            <th scope="col" className="px-3 py-2">单位</th>
            <th scope="col" className="px-3 py-2">摘要</th>
            <th scope="col" className="px-3 py-2">IP</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((e) => (
            <tr key={e.id} className="border-b border-gray-100 align-top" data-action={e.action}>
              <td className="whitespace-nowrap px-3 py-1.5 text-gray-600">{formatDateTime(e.at)}</td>
              <td className="px-3 py-1.5">
                {e.actorName}
                {e.actorUsername ? <span className="ml-1 font-mono text-xs text-gray-500">{e.actorUsername}</span> : null}
              </td>
              <td className="px-3 py-1.5">{e.actionLabel}</td>
              <td className="px-3 py-1.5">{e.unitName ?? ""}</td>
              <td className="px-3 py-1.5">{e.summary}</td>
              <td className="px-3 py-1.5 font-mono text-xs text-gray-500">{e.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="分页" className="flex gap-3 text-sm">
        {result.page > 1 ? <Link href={pageLink(result.page - 1)} className="text-accent hover:underline">上一页</Link> : null}
        {result.page < result.pages ? <Link href={pageLink(result.page + 1)} className="text-accent hover:underline">下一页</Link> : null}
      </nav>
    </div>
  );
}
