// The public list of published reports (/reports): by year, the county roll-up first, then 乡镇 and 部门, with a
// search by unit name that works without JavaScript (a GET form).
import Link from "next/link";
import { YearFiles } from "@/components/public/year-files";
import { formatDateTime } from "@/lib/format-date";

/** What the list needs of a published report (lib/dal/public `listPublished` returns it). */
export interface PublishedItem {
  unitCode: string;
  unitName: string;
  kind: string;
  year: number;
  version: number;
  publishedAt: Date;
}

const GROUPS: { label: string; kinds: string[] }[] = [
  { label: "县级汇总报告", kinds: ["region"] },
  { label: "县人民政府办公室", kinds: ["gov_office"] },
  { label: "乡镇（管委会）", kinds: ["township"] },
  { label: "县政府部门", kinds: ["department"] },
];

function Item({ item }: { item: PublishedItem }) {
  return (
    <li>
      <Link href={`/reports/${item.year}/${item.unitCode}`} className="text-accent underline">
        {item.unitName}
      </Link>
      <span className="ml-2 text-sm text-gray-600">
        发布于 {formatDateTime(item.publishedAt)}
        {item.version > 1 ? `（已更正，第 ${item.version} 版）` : ""}
      </span>
    </li>
  );
}

/** The list of every published report, or of those whose unit name contains `q`. */
export function ReportsIndex({ all, q }: { all: PublishedItem[]; q: string }) {
  const items = q ? all.filter((i) => i.unitName.includes(q)) : all;
  const years = [...new Set(all.map((i) => i.year))].sort((a, b) => b - a);
  // The county's own (roll-up) report of the latest year that has one: what most readers come for.
  const latestCounty = years.map((y) => all.find((i) => i.year === y && i.kind === "region")).find(Boolean);
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-semibold">政府信息公开工作年度报告</h1>
      <form role="search" className="mt-4 flex gap-2" action="/reports">
        <label htmlFor="q" className="sr-only">
          按单位名称搜索
        </label>
        <input id="q" name="q" defaultValue={q} placeholder="输入单位名称，如 教育局" className="w-72 rounded border border-gray-400 px-2 py-1" />
        <button type="submit" className="rounded bg-accent px-3 py-1 text-white">
          搜索
        </button>
      </form>
      {!q && latestCounty ? (
        <section aria-labelledby="latest-county" className="mt-6 rounded border border-gray-300 bg-slate-50 p-4" data-testid="latest-county">
          <h2 id="latest-county" className="font-semibold">
            最新全县年报
          </h2>
          <p className="mt-1">
            <Link href={`/reports/${latestCounty.year}/${latestCounty.unitCode}`} className="text-lg text-accent underline">
              {latestCounty.unitName}
              {latestCounty.year}年政府信息公开工作年度报告
            </Link>
            <span className="ml-2 text-sm text-gray-600">
              发布于 {formatDateTime(latestCounty.publishedAt)}
              {latestCounty.version > 1 ? `（已更正，第 ${latestCounty.version} 版）` : ""}
            </span>
          </p>
        </section>
      ) : null}
      {!q && years.length > 1 ? (
        <nav aria-label="年度" className="mt-4 flex flex-wrap gap-3 text-sm">
          <span className="text-gray-600">年度：</span>
          {years.map((year) => (
            <a key={year} href={`#y${year}`} className="text-accent underline">
              {year} 年度
            </a>
          ))}
        </nav>
      ) : null}
      {years.length === 0 ? <p className="mt-6">暂无已发布的年度报告。</p> : null}
      {q && items.length === 0 ? <p className="mt-6">没有找到名称包含“{q}”的单位的年报。</p> : null}
      {years.map((year) => {
        const ofYear = items.filter((i) => i.year === year);
        if (!ofYear.length) return null;
        return (
          <section key={year} className="mt-8" aria-labelledby={`y${year}`}>
            <h2 id={`y${year}`} className="border-b border-gray-200 pb-1 text-xl font-semibold">
              {year} 年度
              <Link href={`/reports/${year}`} className="ml-3 text-sm font-normal text-accent hover:underline">
                全县概览与图表
              </Link>
              <YearFiles year={year} />
            </h2>
            {GROUPS.map((g) => {
              const list = ofYear.filter((i) => g.kinds.includes(i.kind));
              if (!list.length) return null;
              return (
                <div key={g.label} className="mt-3">
                  <h3 className="font-medium">{g.label}</h3>
                  <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                    {list.map((i) => (
                      <Item key={`${i.year}-${i.unitCode}`} item={i} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </main>
  );
}
