// /fill/[year]: the clerk's own unit report for a year: the form while it is editable, the official view otherwise.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DownloadLinks } from "@/components/report/download-links";
import { ExcelPanel } from "@/components/report/excel-panel";
import { OfficialReport } from "@/components/report/official-report";
import { ReportForm } from "@/components/report/report-form";
import { WithdrawButton } from "@/components/report/withdraw-button";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireRole } from "@/lib/auth/session";
import { listRemindersForClerk } from "@/lib/dal/board";
import { carryOverProposals } from "@/lib/dal/carry-over";
import { listOwnComments } from "@/lib/dal/comments";
import { CLERK_DOWNLOADABLE } from "@/lib/dal/report-download";
import { getFillView } from "@/lib/dal/reports";
import { reportDownloadPath } from "@/lib/export/download-formats";
import { daysUntil } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatLocalDate } from "@/lib/format-date";
import { parseYearParam } from "@/lib/params";
import { getFormat } from "@/lib/report-format";
import { targetLabel } from "@/components/review/targets";
import { saveReportAction, submitReportAction, withdrawReportAction } from "./actions";

export const metadata: Metadata = { title: "本单位年报" };

function commentPlace(version: "2019" | "2021", target: string): string {
  return targetLabel(getFormat(version), target);
}

export default async function FillYearPage({ params }: { params: Promise<{ year: string }> }) {
  const actor = await requireRole("clerk");
  const year = parseYearParam((await params).year);
  if (!year) notFound();
  let view;
  try {
    view = await getFillView(actor, year);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const days = daysUntil(view.unitDeadline);
  const [reminders, comments] = await Promise.all([listRemindersForClerk(actor, year), listOwnComments(actor, year)]);
  const openComments = comments.filter((c) => !c.resolvedAt);
  const returned = view.status === "returned" && view.lastTransition?.action === "return";
  return (
    <div className="space-y-4">
      <header className="rounded border border-gray-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-lg font-semibold">
            {view.unit.name} {year} 年政府信息公开工作年度报告
          </h1>
          <StatusBadge status={view.status} label={view.statusLabel} />
          {view.status !== "not_started" ? (
            <Link href={`/review/${year}/${view.unit.code}`} className="text-sm text-accent hover:underline">
              批注与历史记录
            </Link>
          ) : null}
          {view.status === "submitted" ? <WithdrawButton unitCode={view.unit.code} year={year} withdraw={withdrawReportAction} /> : null}
        </div>
        <p className="mt-1 text-sm text-gray-700">
          报送截止：{formatLocalDate(view.unitDeadline)}
          {view.yearOpen ? (days >= 0 ? `（还有 ${days} 天）` : `（已逾期 ${-days} 天）`) : "（该年度已关闭）"}
          {view.formatVersion === "2021" ? " · 国办公开办函〔2021〕30号格式" : " · 国办公开办函〔2019〕60号格式"}
        </p>
        {returned ? (
          <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="return-reason">
            <p className="font-medium">
              审核员{view.lastTransition?.byName ? ` ${view.lastTransition.byName}` : ""}于 {formatDateTime(view.lastTransition?.at)} 退回了本报表：
            </p>
            <p className="mt-1 whitespace-pre-wrap">{view.lastTransition?.reason}</p>
          </div>
        ) : null}
        {view.status === "submitted" ? (
          <p className="mt-3 text-sm text-amber-800">已提交，等待审核。审核员处理之前可以撤回修改。</p>
        ) : null}
        {reminders.length && view.editable ? (
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="reminder">
            {formatDateTime(reminders[0]!.sentAt)} {reminders[0]!.byName} 催报：{reminders[0]!.message}
          </p>
        ) : null}
        {openComments.length ? (
          <div className="mt-3 rounded border border-purple-300 bg-purple-50 p-3 text-sm text-purple-900" data-testid="open-comments">
            <p className="font-medium">审核员有 {openComments.length} 条批注待处理：</p>
            <ul className="mt-1 list-disc pl-5">
              {openComments.map((c) => (
                <li key={c.id} data-comment-target={c.target}>
                  <span className="font-medium">{commentPlace(view.formatVersion, c.target)}</span>：{c.body}
                  {c.replies.length ? `（${c.replies.length} 条回复）` : ""}
                </li>
              ))}
            </ul>
            <Link href={`/review/${year}/${view.unit.code}#comments`} className="mt-1 inline-block underline">
              查看并回复批注
            </Link>
          </div>
        ) : null}
      </header>
      {CLERK_DOWNLOADABLE.includes(view.status) ? (
        <DownloadLinks hrefFor={(f) => reportDownloadPath(year, view.unit.code, f)} className="rounded border border-gray-200 bg-white p-3" />
      ) : null}
      <ExcelPanel unitCode={view.unit.code} year={year} save={view.editable ? saveReportAction : undefined} />
      {view.editable ? (
        <ReportForm
          // A new saved state from the server (an Excel import, a withdrawal) starts the form afresh from it.
          key={view.lockVersion}
          unitCode={view.unit.code}
          unitName={view.unit.name}
          year={year}
          formatVersion={view.formatVersion}
          values={view.report.values}
          narratives={view.report.narratives}
          lockVersion={view.lockVersion}
          previous={view.previous}
          proposals={carryOverProposals(view.report, view.previous)}
          comments={openComments.map((c) => ({ target: c.target, body: c.body, authorName: c.authorName, replies: c.replies.length }))}
          save={saveReportAction}
          submit={submitReportAction}
        />
      ) : (
        <OfficialReport report={view.report} />
      )}
    </div>
  );
}
