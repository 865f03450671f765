// A published report on the public site: the official layout of one snapshot, its versions with correction notes,
// publication dates and content hashes, and the downloads.
import Link from "next/link";
import { DownloadLinks } from "@/components/report/download-links";
import { OfficialReport } from "@/components/report/official-report";
import { formatDateTime } from "@/lib/format-date";
import { publicFilePath } from "@/lib/opendata/links";
import type { ReportData } from "@/lib/report-format";

/** What the page needs of a published report (lib/dal/public returns it). */
export interface PublicReportProps {
  unit: { code: string; name: string };
  year: number;
  version: number;
  report: ReportData;
  versions: { version: number; publishedAt: Date; correctionNote: string | null; contentHash: string; links: string[] }[];
}

export function PublicReportView({ data }: { data: PublicReportProps }) {
  const base = `/reports/${data.year}/${data.unit.code}`;
  const latest = data.versions[0]!;
  const current = data.versions.find((v) => v.version === data.version)!;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6 print:p-0">
      <nav aria-label="位置" className="no-print mb-3 text-sm">
        <Link href="/reports" className="text-accent hover:underline">
          报告列表
        </Link>
        {" / "}
        <Link href={`/reports/${data.year}`} className="text-accent hover:underline">
          {data.year} 年度
        </Link>
      </nav>
      <h1 className="no-print mb-2 text-xl font-semibold">
        {data.unit.name} {data.year} 年政府信息公开工作年度报告
      </h1>
      {data.version !== latest.version ? (
        <p role="note" className="no-print mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          这是第 {data.version} 版，已被更正。<Link href={base} className="underline">查看最新版本（第 {latest.version} 版）</Link>
        </p>
      ) : null}
      {current.correctionNote ? (
        <p className="mb-3 rounded border border-gray-300 bg-gray-50 p-2 text-sm" data-testid="correction-note">
          更正说明（第 {current.version} 版）：{current.correctionNote}
        </p>
      ) : null}
      <DownloadLinks className="no-print mb-3" hrefFor={(format) => publicFilePath(data.year, data.unit.code, data.version, format)} />
      <OfficialReport report={data.report} />
      <section className="no-print mt-6 text-sm" aria-labelledby="versions-title">
        <h2 id="versions-title" className="font-semibold">
          发布记录
        </h2>
        <table className="mt-2 w-full border-collapse">
          <caption className="sr-only">各版本的发布时间、更正说明和内容哈希</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="border-b border-gray-300 py-1 pr-2">版本</th>
              <th scope="col" className="border-b border-gray-300 py-1 pr-2">发布时间</th>
              <th scope="col" className="border-b border-gray-300 py-1 pr-2">更正说明</th>
              <th scope="col" className="border-b border-gray-300 py-1">内容哈希（SHA-256）</th>
            </tr>
          </thead>
          <tbody>
            {data.versions.map((v) => (
              <tr key={v.version} data-version={v.version}>
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <Link href={v.version === latest.version ? base : `${base}/v${v.version}`} className="text-accent hover:underline">
                    第 {v.version} 版
                  </Link>
                </th>
                <td className="py-1 pr-2">{formatDateTime(v.publishedAt)}</td>
                <td className="py-1 pr-2">{v.correctionNote ?? "—"}</td>
                <td className="break-all py-1 font-mono text-xs">{v.contentHash}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {current.links.length ? (
          <p className="mt-2">
            政府门户网站发布地址：
            {current.links.map((l) => (
              <a key={l} href={l} className="mr-2 break-all text-accent underline" rel="noopener noreferrer">
                {l}
              </a>
            ))}
          </p>
        ) : null}
      </section>
    </main>
  );
}
