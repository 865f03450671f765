// /admin/users: the user list (creation and editing arrive with the administration work).
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/session";
import { listUsersForAdmin } from "@/lib/dal/users";
import { formatDateTime } from "@/lib/format-date";
import { UserActiveButton } from "./user-active-button";

export const metadata: Metadata = { title: "用户" };

export default async function AdminUsersPage() {
  const actor = await requireRole("admin");
  const users = await listUsersForAdmin(actor);
  const now = new Date();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">用户</h1>
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
          {users.map((u) => (
            <tr key={u.id} className="border-b border-gray-100" data-username={u.username}>
              <th scope="row" className="px-3 py-2 text-left font-mono font-normal">{u.username}</th>
              <td className="px-3 py-2">{u.displayName}</td>
              <td className="px-3 py-2">{u.roleLabel}</td>
              <td className="px-3 py-2">{u.role === "supervisor" ? u.regionName : u.unitName ?? "—"}</td>
              <td className="px-3 py-2">
                {!u.active ? "已停用" : u.lockedUntil && u.lockedUntil > now ? `锁定至 ${formatDateTime(u.lockedUntil)}` : "正常"}
              </td>
              <td className="px-3 py-2 text-gray-600">{formatDateTime(u.lastSignInAt)}</td>
              <td className="px-3 py-2">
                {u.id === actor.id ? null : <UserActiveButton userId={u.id} active={u.active} name={u.username} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
