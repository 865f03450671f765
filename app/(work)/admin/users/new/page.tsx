// /admin/users/new: create a user with an initial password (typed, or generated and shown once).
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/auth/session";
import { listUnitsForAdmin } from "@/lib/dal/units";
import { createUserAction } from "../actions";
import { UserAssignmentFields } from "../user-fields";

export const metadata: Metadata = { title: "新建用户" };

export default async function NewUserPage() {
  const actor = await requireRole("admin");
  const units = await listUnitsForAdmin(actor);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/users" className="text-accent hover:underline">
          ← 用户列表
        </Link>
      </p>
      <h1 className="text-xl font-semibold">新建用户</h1>
      <section className="rounded border border-gray-200 bg-white p-4">
        <ActionForm action={createUserAction} submitLabel="新建用户" resetOnSuccess label="新建用户" className="grid max-w-3xl gap-3 sm:grid-cols-2">
          <TextField id="new-username" name="username" label="用户名" required hint="登录用，字母、数字、点、下划线、连字符；不区分大小写" />
          <UserAssignmentFields prefix="new" units={units} />
          <TextField
            id="new-password"
            name="password"
            label="初始密码"
            type="password"
            autoComplete="new-password"
            hint="可留空：留空则自动生成并只显示一次。至少 10 个字符，含大写字母、小写字母、数字、符号中的三类；首次登录须修改"
          />
        </ActionForm>
      </section>
    </div>
  );
}
