// /admin/users/[id]: one user: name, role, unit and region; reset password; unlock; end sessions; (de)activate.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/session";
import { listUnitsForAdmin } from "@/lib/dal/units";
import { getUserForAdmin } from "@/lib/dal/users";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";
import { endSessionsAction, resetPasswordAction, unlockUserAction, updateUserAction } from "../actions";
import { UserActiveButton } from "../user-active-button";
import { UserAssignmentFields } from "../user-fields";

export const metadata: Metadata = { title: "编辑用户" };

const section = "rounded border border-gray-200 bg-white p-4";

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let user;
  try {
    user = await getUserForAdmin(actor, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const units = await listUnitsForAdmin(actor);
  const self = user.id === actor.id;
  const locked = user.lockedUntil !== null && user.lockedUntil > new Date();
  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/users" className="text-accent hover:underline">
          ← 用户列表
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {user.displayName} <span className="font-mono text-base text-gray-600">{user.username}</span>
      </h1>
      <p className="text-sm text-gray-700" data-testid="user-state">
        {user.roleLabel} · {user.active ? "启用" : "已停用"}
        {locked ? ` · 锁定至 ${formatDateTime(user.lockedUntil)}` : user.failedSignIns ? ` · 连续 ${user.failedSignIns} 次密码错误` : ""}
        {user.mustChangePassword ? " · 待修改初始密码" : ""} · 最近登录 {formatDateTime(user.lastSignInAt)} · 当前登录会话 {user.openSessions} 个
      </p>

      <section aria-labelledby="edit" className={section}>
        <h2 id="edit" className="mb-3 font-semibold">姓名、角色与范围</h2>
        {self ? <p className="mb-2 text-sm text-gray-600">不能取消自己的管理员角色。</p> : null}
        <ActionForm action={updateUserAction} submitLabel="保存" label="姓名、角色与范围" className="grid max-w-3xl gap-3 sm:grid-cols-2">
          <input type="hidden" name="id" value={user.id} />
          <UserAssignmentFields prefix="edit" units={units} values={user} />
        </ActionForm>
      </section>

      {self ? null : (
        <>
          <section aria-labelledby="reset" className={section}>
            <h2 id="reset" className="mb-1 font-semibold">重置密码</h2>
            <p className="mb-3 text-sm text-gray-600">重置后该用户的登录会话立即结束，下次登录须修改密码；同时解除锁定。</p>
            <ActionForm action={resetPasswordAction} submitLabel="重置密码" resetOnSuccess label="重置密码" className="flex max-w-3xl flex-wrap items-end gap-3">
              <input type="hidden" name="id" value={user.id} />
              <TextField id="reset-password" name="password" label="新的初始密码" type="password" autoComplete="new-password" hint="可留空：留空则自动生成并只显示一次" />
            </ActionForm>
          </section>

          <section aria-labelledby="access" className={section}>
            <h2 id="access" className="mb-3 font-semibold">登录与会话</h2>
            <div className="flex flex-wrap items-start gap-4">
              {locked || user.failedSignIns > 0 ? (
                <ActionForm action={unlockUserAction} submitLabel="解除锁定" label="解除锁定">
                  <input type="hidden" name="id" value={user.id} />
                </ActionForm>
              ) : null}
              <ActionForm action={endSessionsAction} submitLabel="结束全部登录会话" confirm={`确定结束 ${user.username} 的全部登录会话？其正在进行的操作需重新登录。`} label="结束全部登录会话">
                <input type="hidden" name="id" value={user.id} />
              </ActionForm>
              <UserActiveButton userId={user.id} active={user.active} name={user.username} />
            </div>
          </section>
        </>
      )}
      <Link href={`/admin/audit?person=${encodeURIComponent(user.username)}`} className="inline-block text-sm text-accent hover:underline">
        查看此用户的操作记录
      </Link>
    </div>
  );
}
