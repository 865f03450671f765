// /review/[year]: the supervisor's progress board over the filers in their region.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BoardTable } from "@/components/review/board-table";
import { requireRole } from "@/lib/auth/session";
import { getBoard, markBoardVisited } from "@/lib/dal/board";
import { STATUS_LABELS, type ProgressStatus } from "@/lib/dal/reports";
import { daysUntil, getYear } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatLocalDate } from "@/lib/format-date";
import { parseYearParam } from "@/lib/params";
import { bulkApproveAction, remindAction } from "./actions";

export const metadata: Metadata = { title: "填报进度" };

export default async function ReviewBoardPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireRole("supervisor");
  const year = parseYearParam((await params).year);
  if (!year) notFound();
  let board;
  let yearInfo;
  try {
    yearInfo = await getYear(year);
    board = await getBoard(actor, year);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  await markBoardVisited(actor, year);
  const rows = board.rows;
  const counts = new Map<ProgressStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const done = rows.filter((r) => r.status === "approved" || r.status === "published").length;
  const days = daysUntil(yearInfo.unitDeadline);
  const fresh = rows.filter((r) => r.isNew).length;
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
        {fresh ? `。自您上次查看以来新提交 ${fresh} 份` : ""}
      </p>
      <BoardTable
        year={year}
        overdue={yearInfo.status === "open" && days < 0}
        remind={remindAction}
        bulkApprove={bulkApproveAction}
        items={rows.map((r) => ({
          code: r.unit.code,
          name: r.unit.name,
          kind: r.unit.kind,
          kindLabel: r.unit.kindLabel,
          status: r.status,
          statusLabel: r.statusLabel,
          lockVersion: r.lockVersion,
          updated: r.updatedAt ? `${formatDateTime(r.updatedAt)}${r.updatedByName ? ` · ${r.updatedByName}` : ""}` : "—",
          errors: r.errors,
          warnings: r.warnings,
          blanks: r.blanks,
          lastReminded: r.lastRemindedAt ? formatDateTime(r.lastRemindedAt) : null,
          isNew: r.isNew,
        }))}
      />
    </div>
  );
}
