// The signed-in work area: header with the user's unit, role and sign-out, and the role's navigation.
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS, type Actor } from "@/lib/auth/policy";
import { getOpenYear } from "@/lib/dal/years";
import { signOutAction } from "./sign-out-action";

function navFor(actor: Actor, openYear: number | null): { href: string; label: string }[] {
  switch (actor.role) {
    case "clerk":
      return [{ href: "/fill", label: "本单位年报" }];
    case "supervisor":
      return openYear
        ? [
            { href: `/review/${openYear}`, label: `${openYear} 年度填报进度` },
            { href: `/county/${openYear}`, label: "县级汇总" },
          ]
        : [];
    case "admin":
      return [
        { href: "/admin/units", label: "单位" },
        { href: "/admin/users", label: "用户" },
        { href: "/admin/years", label: "年度" },
        { href: "/admin/import", label: "批量导入" },
        { href: "/admin/audit", label: "审计日志" },
      ];
  }
}

export default async function WorkLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const openYear = (await getOpenYear())?.year ?? null;
  const place = actor.role === "supervisor" ? actor.regionName : actor.unitName;
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="no-print border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-accent-dark">
            年报 · 政府信息公开工作年度报告
          </Link>
          <nav aria-label="主导航" className="flex gap-4 text-sm">
            {navFor(actor, openYear).map((item) => (
              <Link key={item.href} href={item.href} className="text-gray-700 hover:text-accent">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm text-gray-700" data-testid="user-box">
            {place ? <span>{place}</span> : null}
            <span className="rounded bg-gray-100 px-2 py-0.5">{ROLE_LABELS[actor.role]}</span>
            <span>{actor.displayName}</span>
            <Link href="/account/password" className="text-accent hover:underline">
              修改密码
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-100">
                退出登录
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
