// Reporting-year administration: open a year (format, deadlines, sign-off), change it, close it, reopen it.
// A closed year refuses every change except corrections, each with a note (lib/dal/report-edit, lib/dal/transitions).
import "server-only";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { reportingYears, unitReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { ConflictError, NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { formatVersionForYear } from "@/lib/report-format";
import { assertAdmin, checkbox, parseInput } from "./admin-guard";
import { recordAudit } from "./audit";

const yearNumber = z.coerce.number({ message: "请填写四位年度，如 2027" }).int("请填写四位年度，如 2027").min(2019, "年度不能早于 2019（现行格式自 2019 年度起适用）").max(2100, "年度不能晚于 2100");
const isoDate = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为日期，如 2028-01-31`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label}不是有效日期`);
const deadlines = { unitDeadline: isoDate("单位报送截止日期"), countyDeadline: isoDate("全县汇总截止日期") };
const signoff = checkbox;
const formatVersion = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["2019", "2021"], { message: "请选择报告格式" }).optional());

const openSchema = z.object({ year: yearNumber, formatVersion, ...deadlines, signoffRequired: signoff });
const updateSchema = z.object({ year: yearNumber, ...deadlines, signoffRequired: signoff });
const closeSchema = z.object({ year: yearNumber });
const reopenSchema = z.object({ year: yearNumber, reason: z.string().trim().min(2, "请写明重新开放的原因（至少 2 个字）").max(500, "原因不能超过 500 字") });

/** Deadlines fall after the year they report on, and the unit deadline comes first. */
function checkDeadlines(year: number, unitDeadline: string, countyDeadline: string): void {
  if (unitDeadline <= `${year}-12-31`) {
    throw new ValidationError(`单位报送截止日期应在 ${year} 年之后（年报总结全年工作），如 ${year + 1}-01-31。`, { unitDeadline: ["应晚于该年度"] });
  }
  if (countyDeadline < unitDeadline) {
    throw new ValidationError("全县汇总截止日期不能早于单位报送截止日期。", { countyDeadline: ["不能早于单位报送截止日期"] });
  }
}

async function lockYear(tx: Tx, year: number) {
  const [row] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for("update");
  if (!row) throw new NotFoundError(`${year} 年度尚未开放。`);
  return row;
}

const signoffText = (on: boolean) => (on ? "需保密审查" : "无需保密审查");

export async function openYear(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(openSchema, raw);
  const version = input.formatVersion ?? formatVersionForYear(input.year);
  checkDeadlines(input.year, input.unitDeadline, input.countyDeadline);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [exists] = await tx.select({ status: reportingYears.status }).from(reportingYears).where(eq(reportingYears.year, input.year));
    if (exists) throw new ConflictError(`${input.year} 年度已存在（${exists.status === "open" ? "填报中" : "已关闭"}），请在列表中修改它。`);
    await tx.insert(reportingYears).values({
      year: input.year,
      formatVersion: version,
      unitDeadline: input.unitDeadline,
      countyDeadline: input.countyDeadline,
      signoffRequired: input.signoffRequired,
      status: "open",
    });
    await recordAudit(tx, {
      actor,
      action: "year.opened",
      targetType: "year",
      targetId: input.year,
      summary: `开放 ${input.year} 年度填报：${version} 年版格式，单位截止 ${input.unitDeadline}，汇总截止 ${input.countyDeadline}，${signoffText(input.signoffRequired)}`,
    });
  });
}

/** Deadlines and the sign-off step; the format of a year with reports is fixed, so it is not offered here. */
export async function updateYear(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(updateSchema, raw);
  checkDeadlines(input.year, input.unitDeadline, input.countyDeadline);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockYear(tx, input.year);
    const changes = [
      before.unitDeadline !== input.unitDeadline ? `单位截止 ${before.unitDeadline} → ${input.unitDeadline}` : null,
      before.countyDeadline !== input.countyDeadline ? `汇总截止 ${before.countyDeadline} → ${input.countyDeadline}` : null,
      before.signoffRequired !== input.signoffRequired ? `${signoffText(before.signoffRequired)} → ${signoffText(input.signoffRequired)}` : null,
    ].filter(Boolean);
    if (!changes.length) return;
    await tx
      .update(reportingYears)
      .set({ unitDeadline: input.unitDeadline, countyDeadline: input.countyDeadline, signoffRequired: input.signoffRequired })
      .where(eq(reportingYears.year, input.year));
    await recordAudit(tx, { actor, action: "year.updated", targetType: "year", targetId: input.year, summary: `修改 ${input.year} 年度：${changes.join("；")}` });
  });
}

/** After closing, reports of the year are read-only except corrections (start correction / publish, each with a note). */
export async function closeYear(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(closeSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockYear(tx, input.year);
    if (before.status === "closed") throw new StateError(`${input.year} 年度已经关闭。`);
    await tx.update(reportingYears).set({ status: "closed" }).where(eq(reportingYears.year, input.year));
    const [reports] = await tx.select({ n: count() }).from(unitReports).where(eq(unitReports.year, input.year));
    await recordAudit(tx, {
      actor,
      action: "year.closed",
      targetType: "year",
      targetId: input.year,
      summary: `关闭 ${input.year} 年度（${reports!.n} 份单位年报此后只能更正）`,
    });
  });
}

/** Reopening is the exception (a year closed by mistake): it needs a reason, which the audit log keeps. */
export async function reopenYear(actor: Actor, raw: unknown): Promise<void> {
  assertAdmin(actor);
  const input = parseInput(reopenSchema, raw);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockYear(tx, input.year);
    if (before.status === "open") throw new StateError(`${input.year} 年度没有关闭。`);
    await tx.update(reportingYears).set({ status: "open" }).where(eq(reportingYears.year, input.year));
    await recordAudit(tx, { actor, action: "year.reopened", targetType: "year", targetId: input.year, summary: `重新开放 ${input.year} 年度：${input.reason}` });
  });
}
