// Change own password; also where a user with an initial password is sent before anything else.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const actor = await requireActor({ allowPasswordChange: true });
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-md rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="mb-2 text-xl font-semibold">修改密码</h1>
        {actor.mustChangePassword ? (
          <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            您正在使用管理员设置的初始密码，请先设置自己的新密码。
          </p>
        ) : (
          <p className="mb-4 text-sm text-gray-600">
            {actor.displayName}（{actor.username}）· <Link href="/" className="text-accent underline">返回</Link>
          </p>
        )}
        <PasswordForm />
      </div>
    </main>
  );
}
