// The JSON endpoints of the open-data API (/api/public, /years/[year], /reports/[year]/[unit]): published versions
// only, each with its content hash and links to every download. Route handlers are thin wrappers around these.
import "server-only";
import { listPublishedVersions, type PublishedVersionRow } from "@/lib/dal/public";
import { errorJson, jsonAnswer } from "./http";
import { apiReportPath, apiYearPath, downloadsOf, reportPagePath, yearDownloads } from "./links";
import { unitParam, yearParam } from "./params";

function versionEntry(r: PublishedVersionRow) {
  return {
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    correctionNote: r.correctionNote,
    contentHash: r.contentHash,
    page: reportPagePath(r.year, r.unitCode, r.version),
    downloads: downloadsOf(r.year, r.unitCode, r.version),
  };
}

/** One unit's report of a year from its versions (v1 first): unit, latest version, pages, links, versions. */
function reportEntry(rows: PublishedVersionRow[]) {
  const first = rows[0]!;
  const latest = rows[rows.length - 1]!;
  return {
    year: first.year,
    unit: { code: first.unitCode, name: first.unitName, kind: first.kind, kindLabel: first.kindLabel },
    latestVersion: latest.version,
    url: apiReportPath(first.year, first.unitCode),
    page: reportPagePath(first.year, first.unitCode),
    latest: downloadsOf(first.year, first.unitCode, "latest"),
    versions: rows.map(versionEntry),
  };
}

function groupByUnit(rows: PublishedVersionRow[]): PublishedVersionRow[][] {
  const groups = new Map<string, PublishedVersionRow[]>();
  for (const r of rows) groups.set(r.unitCode, [...(groups.get(r.unitCode) ?? []), r]);
  return [...groups.values()];
}

/** GET /api/public: the years with published reports, newest first. */
export async function apiIndex(request: Request): Promise<Response> {
  const rows = await listPublishedVersions();
  const years = [...new Set(rows.map((r) => r.year))];
  return jsonAnswer(request, {
    title: "政府信息公开工作年度报告 开放数据接口",
    documentation: "docs/api.md",
    years: years.map((year) => ({
      year,
      reports: new Set(rows.filter((r) => r.year === year).map((r) => r.unitCode)).size,
      url: apiYearPath(year),
      downloads: yearDownloads(year),
    })),
  });
}

/** GET /api/public/years/[year]: every unit (and the county) with a published report of the year. */
export async function apiYear(request: Request, params: { year: string }): Promise<Response> {
  const year = yearParam(params.year);
  if (year instanceof Response) return year;
  const rows = await listPublishedVersions({ year });
  if (!rows.length) return errorJson(404, `${year} 年度没有已发布的年度报告。`);
  return jsonAnswer(request, { year, downloads: yearDownloads(year), reports: groupByUnit(rows).map(reportEntry) });
}

/** GET /api/public/reports/[year]/[unit]: one unit's published report of a year with all its versions. */
export async function apiReport(request: Request, params: { year: string; unit: string }): Promise<Response> {
  const year = yearParam(params.year);
  if (year instanceof Response) return year;
  const unitCode = unitParam(params.unit);
  if (unitCode instanceof Response) return unitCode;
  const rows = await listPublishedVersions({ year, unitCode });
  if (!rows.length) return errorJson(404, `未找到单位“${unitCode}”${year} 年度已发布的年度报告。`);
  return jsonAnswer(request, reportEntry(rows));
}
