// /review/[year]: the supervisor's progress board over the filers in their region.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireRole } from "@/lib/auth/session";
import { listReportProgress, STATUS_LABELS, type ProgressStatus } from "@/lib/dal/reports";
import { daysUntil, getYear } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatLocalDate } from "@/lib/format-date";
import { parseYearParam } from "@/lib/params";

export const metadata: Metadata = { title: "填报进度" };

export default async function ReviewBoardPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireRole("supervisor");
  const year = parseYearParam((await params).year);
  if (!year) notFound();
  let rows;
  let yearInfo;
  try {
    yearInfo = await getYear(year);
    rows = await listReportProgress(actor, year);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const counts = new Map<ProgressStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const done = rows.filter((r) => r.status === "approved" || r.status === "published").length;
  const days = daysUntil(yearInfo.unitDeadline);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="text-xl font-semibold">
          {actor.regionName} {year} 年度填报进度
        </h1>
        <p className="text-sm text-gray-700">
          单位报送截止 {formatLocalDate(yearInfo.unitDeadline)}
          {yearInfo.status === "open" ? (days >= 0 ? `，还有 ${days} 天` : `，已逾期 ${-days} 天`) : "（年度已关闭）"}
          ；县级汇总发布截止 {formatLocalDate(yearInfo.countyDeadline)}
        </p>
      </div>
      <p className="text-sm text-gray-700" data-testid="progress-summary">
        共 {rows.length} 个填报单位，已通过或已发布 {done} 个（{rows.length ? Math.round((done / rows.length) * 100) : 0}%）。
        {[...counts.entries()].map(([status, n]) => `${STATUS_LABELS[status]} ${n}`).join("，")}
      </p>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">各填报单位的年报状态</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="px-3 py-2">单位</th>
            <th scope="col" className="px-3 py-2">类别</th>
            <th scope="col" className="px-3 py-2">状态</th>
            <th scope="col" className="px-3 py-2">最近变更</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unit.id} className="border-b border-gray-100" data-unit={r.unit.code}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/review/${year}/${r.unit.code}`} className="text-accent hover:underline">
                  {r.unit.name}
                </Link>
              </th>
              <td className="px-3 py-2">{r.unit.kindLabel}</td>
              <td className="px-3 py-2">
                <StatusBadge status={r.status} label={r.statusLabel} />
              </td>
              <td className="px-3 py-2 text-gray-600">
                {r.updatedAt ? `${formatDateTime(r.updatedAt)}${r.updatedByName ? ` · ${r.updatedByName}` : ""}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
