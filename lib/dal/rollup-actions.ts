// Changes to a region report, each in one transaction with its audit event: roll up (refresh), exclude a unit with a
// reason, include it again (both roll up again at once), and save the narratives with optimistic locking.
//
// A closed year still allows all of these: closing a year stops unit reports changing; the county report is
// compiled from them afterwards (its deadline is later), so a closed year is when it is normally rolled up.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { regionNarratives, regionReports, rollupExclusions } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { getFormat, unknownCellRefs, type NarrativeId } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { listContributors, type RollupComputation } from "./rollup-compute";
import { assertRegionEditable, ensureRegionReport, getRegionInScope, storeRollup, type RegionReportRow } from "./rollup-store";
import type { UnitDto } from "./units";
import { getYear, type YearDto } from "./years";

const code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const target = { year: z.number().int().min(2019).max(2100), region: code.optional() };
const refreshSchema = z.object(target);
const excludeSchema = z.object({
  ...target,
  unitCode: code,
  reason: z.string().trim().min(2, "请写明排除原因（至少 2 个字）").max(2000, "原因不能超过 2000 字"),
});
const includeSchema = z.object({ ...target, unitCode: code });
const narrativesSchema = z.object({
  ...target,
  lockVersion: z.number().int().min(0),
  narratives: z.partialRecord(z.enum(["preamble", "s1", "s5", "s6"]), z.string().max(20_000, "每部分不能超过 20000 字")),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "请求无效。");
  return parsed.data;
}

interface Locked {
  region: UnitDto;
  year: YearDto;
  row: RegionReportRow;
}

async function inRegion<T>(actor: Actor, input: { year: number; region?: string }, fn: (tx: Tx, locked: Locked) => Promise<T>): Promise<T> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { region } = await getRegionInScope(actor, tx, input.region);
    const year = await getYear(input.year, tx);
    const row = await ensureRegionReport(tx, input.year, region.id, actor.id);
    assertRegionEditable(row);
    return fn(tx, { region, year, row });
  });
}

function countText(result: RollupComputation): string {
  const missing = result.contributors.filter((c) => c.state === "missing").length;
  const excluded = result.contributors.filter((c) => c.state === "excluded").length;
  return `计入 ${result.included.length} 个单位，未通过 ${missing} 个，排除 ${excluded} 个`;
}

/** Rolls the region up afresh from the approved reports (and child regions' roll-ups) and stores the result. */
export async function refreshRollup(actor: Actor, raw: unknown): Promise<RollupComputation> {
  const input = parse(refreshSchema, raw);
  return inRegion(actor, input, async (tx, { region, year, row }) => {
    const result = await storeRollup(tx, row, year.formatVersion, actor.id);
    await recordAudit(tx, {
      actor,
      action: row.rolledUpAt ? "rollup.refresh" : "rollup.create",
      targetType: "region_report",
      targetId: row.id,
      unitId: region.id,
      summary: `${row.rolledUpAt ? "更新" : "生成"} ${region.name} ${year.year} 年度汇总（${countText(result)}）`,
    });
    return result;
  });
}

async function childUnit(tx: Tx, year: number, region: UnitDto, unitCode: string) {
  const child = (await listContributors(tx, year, region.id)).find((c) => c.code === unitCode);
  if (!child) throw new NotFoundError(`${unitCode} 不是${region.name}的下级单位。`);
  return child;
}

/** Leaves a child unit out of the roll-up with a recorded reason, and rolls up again. */
export async function excludeUnit(actor: Actor, raw: unknown): Promise<RollupComputation> {
  const input = parse(excludeSchema, raw);
  return inRegion(actor, input, async (tx, { region, year, row }) => {
    const child = await childUnit(tx, input.year, region, input.unitCode);
    if (child.exclusion) throw new StateError(`${child.name}已被排除。`);
    await tx.insert(rollupExclusions).values({ year: input.year, regionId: region.id, unitId: child.unitId, reason: input.reason, excludedBy: actor.id });
    const result = await storeRollup(tx, row, year.formatVersion, actor.id);
    await recordAudit(tx, {
      actor,
      action: "rollup.exclude",
      targetType: "region_report",
      targetId: row.id,
      unitId: region.id,
      summary: `${region.name} ${year.year} 年度汇总排除 ${child.name}：${input.reason}（${countText(result)}）`,
    });
    return result;
  });
}

/** Takes an excluded unit back into the roll-up, and rolls up again. */
export async function includeUnit(actor: Actor, raw: unknown): Promise<RollupComputation> {
  const input = parse(includeSchema, raw);
  return inRegion(actor, input, async (tx, { region, year, row }) => {
    const child = await childUnit(tx, input.year, region, input.unitCode);
    if (!child.exclusion) throw new StateError(`${child.name}没有被排除。`);
    await tx
      .delete(rollupExclusions)
      .where(and(eq(rollupExclusions.year, input.year), eq(rollupExclusions.regionId, region.id), eq(rollupExclusions.unitId, child.unitId)));
    const result = await storeRollup(tx, row, year.formatVersion, actor.id);
    await recordAudit(tx, {
      actor,
      action: "rollup.include",
      targetType: "region_report",
      targetId: row.id,
      unitId: region.id,
      summary: `${region.name} ${year.year} 年度汇总重新计入 ${child.name}（原排除原因：${child.exclusion.reason}；${countText(result)}）`,
    });
    return result;
  });
}

/**
 * Saves the region report's text sections as written ({{cell}} tokens kept), refused when the report changed since
 * the page was loaded (lockVersion) or a token names a cell the year's format does not have.
 */
export async function saveRegionNarratives(actor: Actor, raw: unknown): Promise<{ lockVersion: number }> {
  const input = parse(narrativesSchema, raw);
  return inRegion(actor, input, async (tx, { region, year, row }) => {
    if (row.lockVersion !== input.lockVersion) throw new ConflictError("汇总报告在您打开之后有了变化（重新汇总或他人保存），请复制您的文字，刷新页面后再保存。");
    const format = getFormat(year.formatVersion);
    const entries = Object.entries(input.narratives) as [NarrativeId, string][];
    for (const [, text] of entries) {
      const unknown = unknownCellRefs(format, text);
      if (unknown.length) throw new ValidationError(`引用的单元格不存在：${unknown.join("、")}。请用“插入数字”选择单元格。`);
    }
    const now = new Date();
    for (const [section, body] of entries) {
      await tx
        .insert(regionNarratives)
        .values({ regionReportId: row.id, section, body, updatedAt: now, updatedBy: actor.id })
        .onConflictDoUpdate({ target: [regionNarratives.regionReportId, regionNarratives.section], set: { body, updatedAt: now, updatedBy: actor.id } });
    }
    const lockVersion = row.lockVersion + 1;
    await tx.update(regionReports).set({ lockVersion, updatedAt: now, updatedBy: actor.id }).where(eq(regionReports.id, row.id));
    await recordAudit(tx, {
      actor,
      action: "rollup.narratives",
      targetType: "region_report",
      targetId: row.id,
      unitId: region.id,
      summary: `保存 ${region.name} ${year.year} 年度汇总报告文字（${entries.map(([s]) => s).join("、")}）`,
    });
    return { lockVersion };
  });
}
