// /fill/[year]: the clerk's own unit report for a year (read-only view until the entry grid lands).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfficialReport } from "@/components/report/official-report";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireRole } from "@/lib/auth/session";
import { getReportView } from "@/lib/dal/reports";
import { daysUntil, getYear } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatLocalDate } from "@/lib/format-date";
import { parseYearParam } from "@/lib/params";

export const metadata: Metadata = { title: "本单位年报" };

export default async function FillYearPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireRole("clerk");
  const year = parseYearParam((await params).year);
  if (!year || !actor.unitCode) notFound();
  let view;
  let yearInfo;
  try {
    yearInfo = await getYear(year);
    view = await getReportView(actor, year, actor.unitCode);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const days = daysUntil(yearInfo.unitDeadline);
  return (
    <div className="space-y-6">
      <section className="rounded border border-gray-200 bg-white p-6">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-lg font-semibold">
            {view.unit.name} {year} 年政府信息公开工作年度报告
          </h1>
          <StatusBadge status={view.status} label={view.statusLabel} />
        </div>
        <p className="mt-2 text-sm text-gray-700">
          报送截止：{formatLocalDate(yearInfo.unitDeadline)}
          {yearInfo.status === "open" ? (days >= 0 ? `（还有 ${days} 天）` : `（已逾期 ${-days} 天）`) : "（该年度已关闭）"}
        </p>
        <p className="mt-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
          在线填报表格正在建设中。下方为本单位年报当前内容（按官方格式显示）。
        </p>
      </section>
      <OfficialReport report={view.report} />
    </div>
  );
}
