// The sign-in page. A signed-in visitor is offered their home instead of being redirected, so a sign-out that is
// still completing can never bounce the browser back into the work area.
import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage() {
  const actor = await getActor();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold text-accent-dark">政府信息公开工作年度报告</h1>
        <p className="mb-6 text-sm text-gray-600">填报 · 审核 · 汇总 · 发布</p>
        {actor ? (
          <p className="mb-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
            您已以 {actor.displayName}（{actor.username}）的身份登录。
            <Link href="/" className="ml-1 font-medium underline">
              进入系统
            </Link>
            ；如需换一个账户，请在下方登录。
          </p>
        ) : null}
        <LoginForm />
        <p className="mt-6 text-xs text-gray-500">连续 5 次密码错误将锁定账户 15 分钟。忘记密码请联系本县管理员。</p>
      </div>
    </main>
  );
}
