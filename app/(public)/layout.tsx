// The public site's frame: a plain header with the large-text switch (关怀版, no JavaScript needed) and a footer.
import Link from "next/link";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="public-site min-h-screen bg-white">
      <header className="no-print border-b-4 border-accent bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/reports" className="text-lg font-semibold text-accent-dark">
            政府信息公开工作年度报告
          </Link>
          <nav aria-label="网站导航" className="flex gap-4 text-sm">
            <Link href="/reports" className="hover:underline">
              报告列表
            </Link>
            <Link href="/formats/2021" className="hover:underline">
              年报格式
            </Link>
          </nav>
          <input type="checkbox" id="large-text" className="sr-only" aria-label="大字版（关怀版）" />
          <label htmlFor="large-text" className="ml-auto cursor-pointer rounded border border-accent px-2 py-1 text-sm text-accent">
            大字版
          </label>
        </div>
      </header>
      <div id="content">{children}</div>
      <footer className="no-print mt-12 border-t border-gray-200 py-6 text-center text-xs text-gray-500">
        本站只发布已正式发布的年度报告；更正后的报告保留全部历史版本及更正说明。
      </footer>
    </div>
  );
}
