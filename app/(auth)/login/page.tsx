// The sign-in page; a signed-in user is sent on to their home.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold text-accent-dark">政府信息公开工作年度报告</h1>
        <p className="mb-6 text-sm text-gray-600">填报 · 审核 · 汇总 · 发布</p>
        <LoginForm />
        <p className="mt-6 text-xs text-gray-500">连续 5 次密码错误将锁定账户 15 分钟。忘记密码请联系本县管理员。</p>
      </div>
    </main>
  );
}
