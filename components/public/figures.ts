// Key figures and ratios of a report (or a county's sum of reports), as public pages and charts show them.
import { computeTotals, decimalSum, getFormat, rollupValues, type ReportData } from "@/lib/report-format";

export interface KeyFigures {
  received: number;
  granted: number;
  partiallyGranted: number;
  resultsTotal: number;
  denied: number;
  unable: number;
  notProcessed: number;
  otherHandling: number;
  reviewUpheld: number;
  reviewCorrected: number;
  reviewOther: number;
  reviewPending: number;
  litigationUpheld: number;
  litigationCorrected: number;
  litigationOther: number;
  litigationPending: number;
  licensing: number;
  penalty: number;
}

function n(v: string | null | undefined): number {
  return v == null ? 0 : Number(v);
}

export function keyFigures(report: ReportData): KeyFigures {
  const format = getFormat(report.formatVersion);
  const all = { ...report.values, ...computeTotals(format, report.values) };
  const rowTotal = (prefix: string) =>
    n(decimalSum(format.cells.filter((c) => c.table === "applications" && c.column === "total" && c.row.startsWith(prefix)).map((c) => all[c.address] ?? null)));
  const t4 = (group: string, col: string) => n(all[`review_litigation.${group}.${col}`]);
  return {
    received: n(all["applications.new_received.total"]),
    granted: n(all["applications.granted.total"]),
    partiallyGranted: n(all["applications.partially_granted.total"]),
    resultsTotal: n(all["applications.results_total.total"]),
    denied: rowTotal("denied_"),
    unable: rowTotal("unable_"),
    notProcessed: rowTotal("not_processed_"),
    otherHandling: rowTotal("other_"),
    reviewUpheld: t4("admin_review", "upheld"),
    reviewCorrected: t4("admin_review", "corrected"),
    reviewOther: t4("admin_review", "other"),
    reviewPending: t4("admin_review", "pending"),
    litigationUpheld: t4("litigation_direct", "upheld") + t4("litigation_after_review", "upheld"),
    litigationCorrected: t4("litigation_direct", "corrected") + t4("litigation_after_review", "corrected"),
    litigationOther: t4("litigation_direct", "other") + t4("litigation_after_review", "other"),
    litigationPending: t4("litigation_direct", "pending") + t4("litigation_after_review", "pending"),
    licensing: n(all["active_disclosure.admin_licensing.decisions"]),
    penalty: n(all["active_disclosure.admin_penalty.decisions"]),
  };
}

/** The exact sum of several reports of one year (same format), as one report. */
export function sumReports(reports: ReportData[], unit: { code: string; name: string }): ReportData | null {
  const first = reports[0];
  if (!first) return null;
  return { formatVersion: first.formatVersion, year: first.year, unit, narratives: {}, values: rollupValues(getFormat(first.formatVersion), reports) };
}

export interface Ratio {
  label: string;
  formula: string;
  value: number | null;
}

function pct(num: number, den: number): number | null {
  return den === 0 ? null : (num / den) * 100;
}

export function ratios(f: KeyFigures): Ratio[] {
  return [
    { label: "公开率", formula: "（予以公开 + 部分公开）÷ 办理结果总计", value: pct(f.granted + f.partiallyGranted, f.resultsTotal) },
    { label: "复议纠错率", formula: "行政复议结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）", value: pct(f.reviewCorrected, f.reviewUpheld + f.reviewCorrected + f.reviewOther) },
    {
      label: "诉讼纠错率",
      formula: "两类行政诉讼结果纠正之和 ÷ 两类（结果维持 + 结果纠正 + 其他结果）之和",
      value: pct(f.litigationCorrected, f.litigationUpheld + f.litigationCorrected + f.litigationOther),
    },
  ];
}

export function formatPct(v: number | null): string {
  return v === null ? "—（分母为 0）" : `${v.toFixed(1)}%`;
}
