// /review/[year]/[unit]: one unit's report in the official layout (supervisor in scope; the unit's own clerk read-only).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfficialReport } from "@/components/report/official-report";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireActor } from "@/lib/auth/session";
import { getReportView } from "@/lib/dal/reports";
import { NotFoundError } from "@/lib/errors";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";

export const metadata: Metadata = { title: "年报审核" };

export default async function ReviewUnitPage({ params }: { params: Promise<{ year: string; unit: string }> }) {
  const actor = await requireActor();
  const p = await params;
  const year = parseYearParam(p.year);
  const unitCode = parseUnitCodeParam(p.unit);
  if (!year || !unitCode) notFound();
  let view;
  try {
    view = await getReportView(actor, year, unitCode);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        {actor.role === "supervisor" ? (
          <Link href={`/review/${year}`} className="text-sm text-accent hover:underline">
            ← 返回填报进度
          </Link>
        ) : null}
        <h1 className="text-lg font-semibold">
          {view.unit.name} · {year} 年度
        </h1>
        <StatusBadge status={view.status} label={view.statusLabel} />
        <a
          href={`/api/reports/${year}/${encodeURIComponent(view.unit.code)}/xlsx`}
          download
          className="ml-auto rounded border border-accent px-3 py-1.5 text-sm text-accent hover:bg-blue-50"
        >
          下载 Excel
        </a>
      </div>
      <OfficialReport report={view.report} />
    </div>
  );
}
