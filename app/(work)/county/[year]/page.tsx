// /county/[year]: the region's report rolled up from its units (supervisor; ?region=CODE for a region below theirs):
// included and missing units, exclusions, staleness with what would change, drill-down, subtotals, narratives.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributorsTable } from "@/components/county/contributors-table";
import { DrillDown } from "@/components/county/drill-down";
import { KindSubtotals } from "@/components/county/kind-subtotals";
import { RegionNarrativeEditor } from "@/components/county/narrative-editor";
import { RefreshButton } from "@/components/county/refresh-button";
import { OfficialReport } from "@/components/report/official-report";
import { targetLabel } from "@/components/review/targets";
import { requireActor } from "@/lib/auth/session";
import { RegionPublish } from "@/components/county/region-publish";
import { toVersionItems } from "@/components/review/version-items";
import { listPublications } from "@/lib/dal/publications";
import { getRegionPublishState } from "@/lib/dal/region-publish";
import { listYears } from "@/lib/dal/years";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format-date";
import { parseUnitCodeParam, parseYearParam } from "@/lib/params";
import { countBySeverity, getFormat, type NarrativeId } from "@/lib/report-format";
import {
  drillCellAction,
  excludeUnitAction,
  includeUnitAction,
  publishRegionAction,
  refreshRollupAction,
  regionPortalLinkAction,
  regionSignoffAction,
  saveRegionNarrativesAction,
  startRegionCorrectionAction,
} from "./actions";

export const metadata: Metadata = { title: "县级汇总" };

export default async function CountyPage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<{ region?: string }> }) {
  const actor = await requireActor();
  const year = parseYearParam((await params).year);
  const regionParam = (await searchParams).region;
  const regionCode = regionParam ? parseUnitCodeParam(regionParam) : undefined;
  if (!year || regionCode === null) notFound();
  let view;
  let publishState;
  try {
    publishState = await getRegionPublishState(actor, year, regionCode ?? undefined);
    view = publishState.view;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const format = getFormat(view.year.formatVersion);
  const target = regionCode ? { year, region: regionCode } : { year };
  const canEdit = view.status !== "published";
  const versions = await listPublications(view.region.id, year);
  const cells = format.cells.map((c) => ({ value: c.address, label: c.accessibleName }));
  const firstTotal = format.cells.find((c) => c.kind === "total")?.address ?? format.cells[0]!.address;
  const { errors, warnings } = countBySeverity(view.issues.filter((i) => i.rule !== "GEN-FILLED"));
  const query = regionCode ? `?region=${regionCode}` : "";
  const years = await listYears();
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">
          {view.region.name} · {year} 年度汇总报告
        </h1>
        <span className="rounded bg-gray-100 px-2 py-0.5 text-sm" data-testid="region-status">
          {view.statusLabel}
        </span>
        {view.rolledUpAt ? (
          <span className="text-sm text-gray-700" data-testid="rolled-up-at">
            {formatDateTime(view.rolledUpAt)} 由 {view.rolledUpByName ?? "系统"} 汇总
          </span>
        ) : null}
        {canEdit ? <RefreshButton target={target} label={view.rolledUpAt ? "更新汇总" : "汇总"} refresh={refreshRollupAction} /> : null}
        <nav aria-label="年度与区域" className="ml-auto flex flex-wrap gap-2 text-sm">
          {years.map((y) => (
            <Link key={y.year} href={`/county/${y.year}${query}`} aria-current={y.year === year ? "page" : undefined} className={y.year === year ? "font-semibold" : "text-accent hover:underline"}>
              {y.year}
            </Link>
          ))}
          {view.regions.length > 1
            ? view.regions.map((r) => (
                <Link key={r.code} href={`/county/${year}?region=${r.code}`} aria-current={r.id === view.region.id ? "page" : undefined} className={r.id === view.region.id ? "font-semibold" : "text-accent hover:underline"}>
                  {r.name}
                </Link>
              ))
            : null}
        </nav>
      </div>
      {view.year.status === "closed" ? <p className="no-print text-sm text-gray-700">{year} 年度已关闭：各单位年报不能再修改，汇总报告仍可汇总和编写。</p> : null}
      {view.stale ? (
        <section className="no-print rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="stale" aria-labelledby="stale-title">
          <h2 id="stale-title" className="font-semibold text-amber-900">
            汇总已过期：以下单位的报表在汇总后有变化
          </h2>
          <ul className="mt-1 list-disc pl-5">
            {view.stale.units.map((u) => (
              <li key={`${u.code}${u.why}`} data-unit={u.code}>
                {u.name}：{u.why}
              </li>
            ))}
          </ul>
          {view.stale.changes.length ? (
            <table className="mt-2 border-collapse text-left" data-testid="stale-changes">
              <caption className="text-left font-medium">更新汇总后将变化的数字</caption>
              <thead>
                <tr className="border-b border-amber-300">
                  <th scope="col" className="py-0.5 pr-3 font-medium">单元格</th>
                  <th scope="col" className="py-0.5 pr-3 text-right font-medium">当前汇总</th>
                  <th scope="col" className="py-0.5 text-right font-medium">更新后</th>
                </tr>
              </thead>
              <tbody>
                {view.stale.changes.map((c) => (
                  <tr key={c.cell} data-cell={c.cell}>
                    <td className="py-0.5 pr-3">{targetLabel(format, c.cell)}</td>
                    <td className="py-0.5 pr-3 text-right tabular-nums">{c.from ?? "空"}</td>
                    <td className="py-0.5 text-right tabular-nums">{c.to ?? "空"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1">数字不变。</p>
          )}
          {canEdit ? (
            <div className="mt-2">
              <RefreshButton target={target} label="更新汇总" refresh={refreshRollupAction} />
            </div>
          ) : null}
        </section>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-4">
          {view.report ? (
            <OfficialReport report={view.report} />
          ) : (
            <p className="rounded border border-gray-200 bg-white p-6 text-center text-gray-700" data-testid="not-rolled-up">
              尚未汇总。点击“汇总”，由已审核通过的各单位年报生成{view.region.name}的汇总报告。
            </p>
          )}
          <RegionNarrativeEditor
            target={target}
            lockVersion={view.lockVersion}
            sections={format.sections.filter((s) => s.kind === "text").map((s) => ({ id: s.id as NarrativeId, title: s.title || "开头说明" }))}
            initial={view.narratives}
            shared={{ formatVersion: format.version, cells, values: view.cellValues, units: view.unitNarratives }}
            canEdit={canEdit}
            save={saveRegionNarrativesAction}
          />
        </div>
        <aside className="no-print space-y-4" aria-label="汇总">
          {view.status !== "none" ? (
            <RegionPublish
              target={target}
              status={view.status}
              lockVersion={view.lockVersion}
              checklist={publishState.checklist}
              signoffRequired={view.year.signoffRequired}
              signoff={publishState.signoff ? `${publishState.signoff.reviewerName}（${formatDateTime(publishState.signoff.recordedAt)}）` : null}
              versions={toVersionItems(versions)}
              publish={publishRegionAction}
              startCorrection={startRegionCorrectionAction}
              recordSignoff={regionSignoffAction}
              addLink={regionPortalLinkAction}
            />
          ) : null}
          {view.report ? (
            <section className="rounded border border-gray-200 bg-white p-3 text-sm" data-testid="county-issues">
              <h2 className="font-semibold">检查结果</h2>
              <p>
                错误 {errors} 个，提示 {warnings} 条。
              </p>
              <ul className="mt-1 space-y-1">
                {view.issues
                  .filter((i) => i.rule !== "GEN-FILLED")
                  .map((i, k) => (
                    <li key={k} data-rule={i.rule} className={i.severity === "error" ? "text-red-800" : "text-amber-900"}>
                      {i.message}
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}
          {view.report ? <DrillDown target={target} cells={cells} drill={drillCellAction} /> : null}
          {view.subtotals.length ? <KindSubtotals rows={view.subtotals} cells={cells} initial={firstTotal} /> : null}
          <ContributorsTable target={target} rows={view.contributors} canEdit={canEdit} exclude={excludeUnitAction} include={includeUnitAction} />
        </aside>
      </div>
    </div>
  );
}
