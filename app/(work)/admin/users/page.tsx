// /admin/users: search the users, see who is locked or deactivated, unlock and (de)activate at a glance; each user's
// page has the rest (role, unit, region, password reset, sessions).
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requireRole } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/dal/users";
import { formatDateTime } from "@/lib/format-date";
import { unlockUserAction } from "./actions";
import { UserActiveButton } from "./user-active-button";

export const metadata: Metadata = { title: "用户" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireRole("admin");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const users = await listUsersForAdmin(actor, q);
  const now = new Date();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-xl font-semibold">用户</h1>
        <Link href="/admin/users/new" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-dark">
          新建用户
        </Link>
        <Link href="/admin/import" className="text-sm text-accent hover:underline">
          批量导入单位和用户
        </Link>
      </div>
      <form role="search" className="flex items-end gap-2" action="/admin/users">
        <div>
          <label htmlFor="user-search" className="mb-1 block text-sm font-medium">
            搜索
          </label>
          <input id="user-search" name="q" type="search" defaultValue={q} placeholder="用户名、姓名、单位或电话" className="w-72 rounded border border-gray-300 px-2 py-1.5 text-sm" />
        </div>
        <button type="submit" className="rounded border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-100">
          搜索
        </button>
        {q ? (
          <Link href="/admin/users" className="text-sm text-accent hover:underline">
            清除
          </Link>
        ) : null}
      </form>
      <p className="text-sm text-gray-600">{q ? `找到 ${users.length} 名用户。` : `共 ${users.length} 名用户。`}</p>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-3 py-2">用户名</th>
            <th scope="col" className="px-3 py-2">姓名</th>
            <th scope="col" className="px-3 py-2">角色</th>
            <th scope="col" className="px-3 py-2">单位 / 审核范围</th>
            <th scope="col" className="px-3 py-2">状态</th>
            <th scope="col" className="px-3 py-2">最近登录</th>
            <th scope="col" className="px-3 py-2">操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const locked = u.lockedUntil !== null && u.lockedUntil > now;
            return (
              <tr key={u.id} className="border-b border-gray-100" data-username={u.username}>
                <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                  <Link href={`/admin/users/${u.id}`} className="text-accent hover:underline">
                    {u.username}
                  </Link>
                </th>
                <td className="px-3 py-2">{u.displayName}</td>
                <td className="px-3 py-2">{u.roleLabel}</td>
                <td className="px-3 py-2">{u.role === "supervisor" ? u.regionName : (u.unitName ?? "—")}</td>
                <td className="px-3 py-2">
                  {!u.active ? "已停用" : locked ? `锁定至 ${formatDateTime(u.lockedUntil)}` : u.mustChangePassword ? "正常（待改初始密码）" : "正常"}
                </td>
                <td className="px-3 py-2 text-gray-600">{formatDateTime(u.lastSignInAt)}</td>
                <td className="flex flex-wrap gap-2 px-3 py-2">
                  {locked ? (
                    <ActionForm
                      action={unlockUserAction}
                      submitLabel={`解锁 ${u.username}`}
                      label={`解锁 ${u.username}`}
                      className="inline"
                      buttonClassName="rounded border border-gray-300 px-2 py-0.5 text-xs hover:bg-gray-100"
                    >
                      <input type="hidden" name="id" value={u.id} />
                    </ActionForm>
                  ) : null}
                  {u.id === actor.id ? null : <UserActiveButton userId={u.id} active={u.active} name={u.username} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
