// The roll-up for the command line (a trusted terminal, no actor): the fresh roll-up of a region as a report document.
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reportingYears, units } from "@/db/schema";
import { NotFoundError, StateError } from "@/lib/errors";
import { allCellValues, getFormat, type ReportData } from "@/lib/report-format";
import { renderNarratives } from "./rollup";
import { computeRollup, type ContributorDto } from "./rollup-compute";
import { findRegionReport, loadRegionNarratives } from "./rollup-store";

export interface CliRollup {
  report: ReportData;
  contributors: ContributorDto[];
}

/**
 * Rolls up the approved reports under a region (default: the first top-level region) for a year, with the recorded
 * exclusions; child regions contribute their stored roll-ups. Narratives are the region report's, figures substituted.
 */
export async function rollupForCli(db: Db, opts: { year: number; rootCode?: string }): Promise<CliRollup> {
  const [year] = await db.select().from(reportingYears).where(eq(reportingYears.year, opts.year));
  if (!year) throw new NotFoundError(`系统中没有 ${opts.year} 年度。 / Year ${opts.year} does not exist.`);
  const [root] = opts.rootCode
    ? await db.select().from(units).where(eq(units.code, opts.rootCode))
    : await db.select().from(units).where(and(eq(units.kind, "region"), isNull(units.parentId))).orderBy(asc(units.sortOrder), asc(units.id)).limit(1);
  if (!root) throw new NotFoundError(opts.rootCode ? `没有代码为 ${opts.rootCode} 的单位。 / No unit with code ${opts.rootCode}.` : "系统中没有区域。 / There is no region.");
  if (root.kind !== "region") throw new StateError(`${root.name} 是填报单位，不是汇总区域。 / ${root.code} is a filer, not a region.`);
  const formatVersion = year.formatVersion === "2019" ? "2019" : "2021";
  const result = await computeRollup(db, opts.year, formatVersion, root.id);
  const stored = await findRegionReport(db, opts.year, root.id);
  const narratives = stored ? renderNarratives(getFormat(formatVersion), await loadRegionNarratives(db, stored.id), allCellValues(getFormat(formatVersion), result.values)) : {};
  return {
    report: { formatVersion, year: opts.year, unit: { code: root.code, name: root.name }, narratives, values: result.values },
    contributors: result.contributors,
  };
}
