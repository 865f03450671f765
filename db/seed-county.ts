// Demo county reports: the 2024 and 2025 roll-ups of 同心县, with narratives whose figures are live references,
// published as v1 so the public site shows county reports from the first run. Idempotent.
import { and, eq } from "drizzle-orm";
import { insertSnapshot } from "@/lib/dal/publications";
import { ensureRegionReport, loadRegionValues, storeRollup } from "@/lib/dal/rollup-store";
import { allCellValues, getFormat, substituteCellRefs, type ReportData } from "@/lib/report-format";
import type { Db } from "./client";
import { DEMO_REGION } from "./demo-units";
import { publications, regionNarratives, regionReports, units } from "./schema";

function narratives(year: number): Record<string, string> {
  return {
    preamble: `本报告由同心县人民政府办公室根据全县各乡镇（管委会）和县政府各部门 ${year} 年度政府信息公开工作年度报告汇总编制，所列数据统计期限为 ${year} 年 1 月 1 日至 ${year} 年 12 月 31 日。`,
    s1:
      `${year} 年，全县各级行政机关认真贯彻落实《中华人民共和国政府信息公开条例》，政务公开工作稳步推进。\n\n` +
      `**依申请公开方面**，全县新收政府信息公开申请 {{applications.new_received.total}} 件，上年结转 {{applications.carried_over.total}} 件，` +
      `本年办结 {{applications.results_total.total}} 件，其中予以公开 {{applications.granted.total}} 件。` +
      `**复议诉讼方面**，因政府信息公开被申请行政复议 {{review_litigation.admin_review.total}} 件。`,
    s5: "存在的问题：部分单位公开内容更新不够及时。改进措施：**加强督促检查**，将政务公开纳入年度考核。",
    s6: "全县各单位本年度均未收取信息处理费。",
  };
}

export async function seedCountyReports(db: Db, years: number[]): Promise<number> {
  const [region] = await db.select().from(units).where(eq(units.code, DEMO_REGION.code));
  let added = 0;
  for (const year of years) {
    const [done] = await db.select({ id: publications.id }).from(publications).where(and(eq(publications.unitId, region!.id), eq(publications.year, year)));
    if (done) continue;
    await db.transaction(async (tx) => {
      const row = await ensureRegionReport(tx, year, region!.id, null);
      await storeRollup(tx, row, "2021", null);
      const texts = narratives(year);
      for (const [section, body] of Object.entries(texts)) {
        await tx.insert(regionNarratives).values({ regionReportId: row.id, section, body }).onConflictDoNothing();
      }
      const values = await loadRegionValues(tx, "2021", row.id);
      const all = allCellValues(getFormat("2021"), values);
      const printed = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, substituteCellRefs(getFormat("2021"), v, all)]));
      const report: ReportData = { formatVersion: "2021", year, unit: { code: region!.code, name: region!.name }, narratives: printed, values };
      await insertSnapshot(tx, { unitId: region!.id, report, publisher: { id: null, displayName: "（演示数据）" }, correctionNote: null, signoff: null, sourceLockVersion: null });
      await tx.update(regionReports).set({ status: "published" }).where(eq(regionReports.id, row.id));
    });
    added++;
  }
  return added;
}
