// /reports/[year]: the county overview of a year from the published reports: key figures year over year, how
// applications were handled, 复议/诉讼 outcomes, ratios with their formulas, and a comparison between units.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/public/bar-chart";
import { YearFiles } from "@/components/public/year-files";
import { formatPct, keyFigures, ratios, sumReports } from "@/components/public/figures";
import { publishedFilerReports } from "@/lib/dal/public";
import { parseYearParam } from "@/lib/params";

export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { year: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }): Promise<Metadata> {
  return { title: `${(await params).year} 年度全县概览` };
}

export default async function YearOverviewPage({ params }: { params: Promise<{ year: string }> }) {
  const year = parseYearParam((await params).year);
  if (!year) notFound();
  const byYear = await publishedFilerReports();
  const reports = byYear.get(year);
  if (!reports?.length) notFound();
  const county = sumReports(reports, { code: "county", name: "全县" })!;
  const f = keyFigures(county);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const history = years.map((y) => ({ year: y, f: keyFigures(sumReports(byYear.get(y)!, { code: "county", name: "全县" })!) }));
  const units = reports.map((r) => ({ name: r.unit.name.replace(/^同心县/, ""), code: r.unit.code, f: keyFigures(r) })).sort((a, b) => b.f.received - a.f.received);
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <nav aria-label="位置" className="no-print mb-3 text-sm">
        <Link href="/reports" className="text-accent hover:underline">
          报告列表
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">{year} 年度全县政府信息公开概览</h1>
      <p className="mt-1 text-sm text-gray-700">根据 {reports.length} 个单位已发布的年度报告汇总（各单位以最新发布版本计）。</p>
      <p className="mt-1">
        <YearFiles year={year} />
      </p>

      <section aria-labelledby="ratios" className="mt-6">
        <h2 id="ratios" className="text-lg font-semibold">主要比率</h2>
        <dl className="mt-2 grid gap-3 sm:grid-cols-3">
          {ratios(f).map((r) => (
            <div key={r.label} className="rounded border border-gray-200 p-3">
              <dt className="text-sm text-gray-700">{r.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{formatPct(r.value)}</dd>
              <dd className="text-xs text-gray-600">计算方法：{r.formula}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="trend" className="mt-8">
        <h2 id="trend" className="text-lg font-semibold">历年对比</h2>
        <BarChart id="received" title="本年新收政府信息公开申请数量（全县，历年）" bars={history.map((h) => ({ label: `${h.year} 年`, value: h.f.received }))} />
        <BarChart id="licensing" title="行政许可处理决定数量（全县，历年）" bars={history.map((h) => ({ label: `${h.year} 年`, value: h.f.licensing }))} />
      </section>

      <section aria-labelledby="handled" className="mt-8">
        <h2 id="handled" className="text-lg font-semibold">{year} 年申请办理结果</h2>
        <BarChart
          id="results"
          title={`${year} 年办理结果（全县）`}
          bars={[
            { label: "予以公开", value: f.granted },
            { label: "部分公开", value: f.partiallyGranted },
            { label: "不予公开", value: f.denied },
            { label: "无法提供", value: f.unable },
            { label: "不予处理", value: f.notProcessed },
            { label: "其他处理", value: f.otherHandling },
          ]}
        />
        <BarChart
          id="review"
          title={`${year} 年行政复议、行政诉讼结果（全县）`}
          bars={[
            { label: "复议 结果维持", value: f.reviewUpheld },
            { label: "复议 结果纠正", value: f.reviewCorrected },
            { label: "复议 其他结果", value: f.reviewOther },
            { label: "复议 尚未审结", value: f.reviewPending },
            { label: "诉讼 结果维持", value: f.litigationUpheld },
            { label: "诉讼 结果纠正", value: f.litigationCorrected },
            { label: "诉讼 其他结果", value: f.litigationOther },
            { label: "诉讼 尚未审结", value: f.litigationPending },
          ]}
        />
      </section>

      <section aria-labelledby="units" className="mt-8">
        <h2 id="units" className="text-lg font-semibold">各单位比较</h2>
        <BarChart id="by-unit" title={`${year} 年各单位新收申请数量`} bars={units.map((u) => ({ label: u.name, value: u.f.received }))} />
        <table className="mt-3 w-full border-collapse text-sm">
          <caption className="sr-only">各单位主要数据</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="border-b border-gray-300 py-1">单位</th>
              <th scope="col" className="border-b border-gray-300 py-1 text-right">新收申请</th>
              <th scope="col" className="border-b border-gray-300 py-1 text-right">公开率</th>
              <th scope="col" className="border-b border-gray-300 py-1 text-right">行政复议</th>
              <th scope="col" className="border-b border-gray-300 py-1 text-right">行政诉讼</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code}>
                <th scope="row" className="py-1 text-left font-normal">
                  <Link href={`/reports/${year}/${u.code}`} className="text-accent hover:underline">
                    {u.name}
                  </Link>
                </th>
                <td className="py-1 text-right tabular-nums">{u.f.received}</td>
                <td className="py-1 text-right tabular-nums">{formatPct(ratios(u.f)[0]!.value)}</td>
                <td className="py-1 text-right tabular-nums">{u.f.reviewUpheld + u.f.reviewCorrected + u.f.reviewOther + u.f.reviewPending}</td>
                <td className="py-1 text-right tabular-nums">{u.f.litigationUpheld + u.f.litigationCorrected + u.f.litigationOther + u.f.litigationPending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
