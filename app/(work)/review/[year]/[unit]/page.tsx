// /review/[year]/[unit]: one unit's report for review (supervisor in scope; the unit's own clerk read-only, with
// replies): figures beside last year's, checks and explanations, changes since a return, comments, history.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DownloadLinks } from "@/components/report/download-links";
import { OfficialReport } from "@/components/report/official-report";
import { CommentsPanel } from "@/components/review/comments-panel";
import { ReviewActions } from "@/components/review/review-actions";
import { commentTargets, targetLabel } from "@/components/review/targets";
import { Timeline } from "@/components/review/timeline";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireActor } from "@/lib/auth/session";
import { getReviewView } from "@/lib/dal/review";
import { reportDownloadPath } from "@/lib/export/download-formats";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";
import { countBySeverity, getFormat } from "@/lib/report-format";
import { PublishPanel } from "@/components/review/publish-panel";
import { toVersionItems } from "@/components/review/version-items";
import {
  addCommentAction,
  approveReportAction,
  portalLinkAction,
  publishReportAction,
  reopenReportAction,
  resolveCommentAction,
  returnReportAction,
  signoffAction,
  startCorrectionAction,
} from "./actions";

export const metadata: Metadata = { title: "年报审核" };

export default async function ReviewUnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; unit: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const actor = await requireActor();
  const p = await params;
  const year = parseYearParam(p.year);
  const unitCode = parseUnitCodeParam(p.unit);
  if (!year || !unitCode) notFound();
  const versionParam = (await searchParams).version;
  const version = versionParam && /^\d{1,9}$/.test(versionParam) ? Number(versionParam) : undefined;
  let view;
  try {
    view = await getReviewView(actor, year, unitCode, { version });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const format = getFormat(view.year.formatVersion);
  const { errors, warnings } = countBySeverity(view.issues.filter((i) => i.rule !== "GEN-FILLED"));
  const blanks = view.issues.filter((i) => i.rule === "GEN-FILLED").length;
  const isSupervisor = actor.role === "supervisor";
  const changed = view.changedSinceReturn ? [...view.changedSinceReturn.cells, ...view.changedSinceReturn.sections.map((s) => `narratives.${s}`)] : [];
  const baseHref = `/review/${year}/${unitCode}`;
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        {isSupervisor ? (
          <Link href={`/review/${year}`} className="text-sm text-accent hover:underline">
            ← 返回填报进度
          </Link>
        ) : null}
        <h1 className="text-lg font-semibold">
          {view.unit.name} · {year} 年度
        </h1>
        <StatusBadge status={view.status} label={view.statusLabel} />
        {view.shownVersion !== null ? (
          <p className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900" data-testid="old-version">
            正在查看历史版本（第 {view.shownVersion} 版）。<Link href={baseHref} className="underline">回到当前版本</Link>
          </p>
        ) : null}
        <a
          href={`/api/reports/${year}/${encodeURIComponent(view.unit.code)}/xlsx`}
          download
          className="ml-auto rounded border border-accent px-3 py-1.5 text-sm text-accent hover:bg-blue-50"
        >
          下载 Excel
        </a>
      </div>
      {isSupervisor && view.status !== "not_started" ? (
        <DownloadLinks hrefFor={(f) => reportDownloadPath(year, unitCode, f)} className="no-print justify-end" />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-4">
          {view.changedSinceReturn ? (
            <section className="no-print rounded border border-purple-300 bg-purple-50 p-3 text-sm" data-testid="changed-since-return">
              <h2 className="font-semibold">自 {formatDateTime(view.changedSinceReturn.returnedAt)} 退回以来的修改</h2>
              {changed.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {changed.map((c) => (
                    <li key={c}>{targetLabel(format, c)}</li>
                  ))}
                </ul>
              ) : (
                <p>退回后没有任何修改。</p>
              )}
            </section>
          ) : null}
          <OfficialReport
            report={view.report}
            annotations={{
              ...(view.previous ? { previousValues: { ...view.previous.values } } : {}),
              changed,
              commented: view.comments.filter((c) => !c.resolvedAt).map((c) => c.target),
            }}
          />
        </div>
        <aside className="no-print space-y-4" aria-label="审核">
          {isSupervisor && view.shownVersion === null ? (
            <ReviewActions
              unitCode={unitCode}
              year={year}
              status={view.status}
              lockVersion={view.lockVersion}
              errors={errors}
              returnReport={returnReportAction}
              approveReport={approveReportAction}
              reopenReport={reopenReportAction}
            />
          ) : null}
          {view.shownVersion === null && (isSupervisor ? ["approved", "published", "correcting"].includes(view.status) : view.publications.length > 0) ? (
            <PublishPanel
              unitCode={unitCode}
              year={year}
              status={isSupervisor ? view.status : "readonly"}
              lockVersion={view.lockVersion}
              errors={errors}
              signoffRequired={view.year.signoffRequired}
              signoff={view.signoff ? `${view.signoff.reviewerName}（${formatDateTime(view.signoff.at)}）` : null}
              versions={toVersionItems(view.publications)}
              publish={publishReportAction}
              startCorrection={startCorrectionAction}
              recordSignoff={signoffAction}
              addLink={portalLinkAction}
            />
          ) : null}
          <section className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="review-issues">
            <h2 className="mb-1 font-semibold">检查结果</h2>
            <p>
              错误 {errors} 个，提示 {warnings} 条{blanks ? `，${blanks} 个单元格未填写` : ""}。
              {view.previous ? "数字下方为上年数及变化，变化较大的以黄色标出。" : "没有上年已通过的年报可比较。"}
            </p>
            <ul className="mt-2 space-y-1">
              {view.issues
                .filter((i) => i.rule !== "GEN-FILLED")
                .map((i, k) => {
                  const explanation = view.explanations.find((e) => e.rule === i.rule && (e.cell ?? undefined) === i.cell);
                  return (
                    <li key={k} className={i.severity === "error" ? "text-red-800" : "text-amber-900"} data-rule={i.rule}>
                      {i.message}
                      {explanation ? <span className="mt-0.5 block text-gray-700">填报说明：{explanation.explanation}</span> : null}
                    </li>
                  );
                })}
            </ul>
          </section>
          {view.status !== "not_started" ? (
            <CommentsPanel
              unitCode={unitCode}
              year={year}
              threads={view.comments.map((c) => ({
                id: c.id,
                target: c.target,
                targetLabel: targetLabel(format, c.target),
                body: c.body,
                authorName: c.authorName,
                createdAt: c.createdAt.toISOString(),
                resolved: c.resolvedAt !== null,
                replies: c.replies.map((r) => ({ id: r.id, body: r.body, authorName: r.authorName, createdAt: r.createdAt.toISOString() })),
              }))}
              targets={commentTargets(format)}
              canStart={isSupervisor}
              canResolve={isSupervisor}
              addComment={addCommentAction}
              resolveComment={resolveCommentAction}
            />
          ) : null}
          <section className="rounded border border-gray-200 bg-white p-3">
            <h2 className="mb-2 text-sm font-semibold">历史记录</h2>
            <Timeline items={view.timeline} format={format} baseHref={baseHref} />
          </section>
        </aside>
      </div>
    </div>
  );
}
