// The whole demo data set: the county, its accounts and years, the real 2019 report of the county office, and
// generated rule-clean reports of every filer for 2024 and 2025, all published (snapshot v1) so the public site has content. Idempotent: existing reports are kept.
import { and, eq } from "drizzle-orm";
import { importReport } from "@/lib/dal/operator";
import { parseInterchange, serializeInterchange } from "@/lib/report-format";
import tongxin2019 from "@/lib/report-format/fixtures/tongxin-2019.json";
import type { Db } from "./client";
import { generateDemoSeries } from "./demo-reports";
import { DEMO_FILERS } from "./demo-units";
import { unitReports, units } from "./schema";
import { seedDemo2026 } from "./seed-2026";
import { seedCountyReports } from "./seed-county";
import { seedDemoBase } from "./seed";

export const DEMO_REPORT_YEARS = [2024, 2025];

async function hasReport(db: Db, year: number, unitCode: string): Promise<boolean> {
  const rows = await db
    .select({ id: unitReports.id })
    .from(unitReports)
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(and(eq(unitReports.year, year), eq(units.code, unitCode)));
  return rows.length > 0;
}

export async function seedDemo(db: Db): Promise<string> {
  await seedDemoBase(db);
  let added = 0;
  if (!(await hasReport(db, 2019, "tongxin-gov-office"))) {
    await importReport(db, parseInterchange(tongxin2019), {
      year: 2019,
      unitCode: "tongxin-gov-office",
      status: "published",
      replace: false,
      source: "demo/tongxin-2019.json",
      document: tongxin2019,
    });
    added++;
  }
  for (const unit of DEMO_FILERS) {
    const series = generateDemoSeries(unit, DEMO_REPORT_YEARS);
    for (const report of series) {
      if (await hasReport(db, report.year, unit.code)) continue;
      const document = serializeInterchange(report);
      await importReport(db, parseInterchange(document), {
        year: report.year,
        unitCode: unit.code,
        status: "published",
        replace: false,
        source: "demo:generated",
        document,
      });
      added++;
    }
  }
  added += await seedCountyReports(db, DEMO_REPORT_YEARS);
  added += await seedDemo2026(db);
  return `同心县 ${DEMO_FILERS.length} 个填报单位、演示账户、2019–2026 年度；新增 ${added} 份演示年报`;
}
