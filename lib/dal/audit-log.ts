// The audit log for the admin: filtered, paged reading and CSV export. There is no path that changes or deletes an
// event (and the database refuses UPDATE and DELETE on audit_events), so events are kept for good.
import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditEvents, units, users } from "@/db/schema";
import { auditActionLabel } from "@/lib/audit-actions";
import type { Actor } from "@/lib/auth/policy";
import { assertAdmin, parseInput } from "./admin-guard";
import { recordAudit } from "./audit";

export const AUDIT_PAGE_SIZE = 50;
/** An export is a file for an inspection, not a backup (pg_dump is): one file holds at most this many events. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 2026-01-31 的形式").optional());
export const auditFilterSchema = z.object({
  person: z.preprocess(blankToUndefined, z.string().trim().max(100, "人员不能超过 100 个字").optional()),
  unitId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  action: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  from: day,
  to: day,
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string;
  actorUsername: string | null;
  action: string;
  actionLabel: string;
  targetType: string;
  targetId: string | null;
  unitName: string | null;
  summary: string;
  ip: string | null;
}

/** Dates are Asia/Shanghai days: "to" includes its whole day. */
const actorUser = alias(users, "actor_user");
const unit = alias(units, "unit");

function whereOf(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.person) {
    const p = `%${f.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(auditEvents.actorName, p), ilike(actorUser.username, p))!);
  }
  if (f.unitId) conditions.push(eq(auditEvents.unitId, f.unitId));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.from) conditions.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conditions.push(lt(auditEvents.at, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return conditions.length ? and(...conditions) : undefined;
}

async function query(f: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRow[]; total: number }> {
  const db = await getDb();
  const where = whereOf(f);
  const [total] = await db
    .select({ n: count() })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .where(where);
  const rows = await db
    .select({ event: auditEvents, actorUsername: actorUser.username, unitName: unit.name })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(unit, eq(unit.id, auditEvents.unitId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return {
    total: total!.n,
    rows: rows.map(({ event, actorUsername, unitName }) => ({
      id: event.id,
      at: event.at,
      actorName: event.actorName,
      actorUsername,
      action: event.action,
      actionLabel: auditActionLabel(event.action),
      targetType: event.targetType,
      targetId: event.targetId,
      unitName,
      summary: event.summary,
      ip: event.ip,
    })),
  };
}

export async function listAuditEvents(actor: Actor, raw: unknown): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number; filter: AuditFilter }> {
  assertAdmin(actor);
  const filter = parseInput(auditFilterSchema, raw);
  const { rows, total } = await query(filter, AUDIT_PAGE_SIZE, (filter.page - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, page: filter.page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), filter };
}

/** The actions that occur in the log, for the filter (with their Chinese names). */
export async function listAuditActions(actor: Actor): Promise<{ action: string; label: string }[]> {
  assertAdmin(actor);
  const db = await getDb();
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(sql`1`);
  return rows.map((r) => ({ action: r.action, label: auditActionLabel(r.action) }));
}

/** Spreadsheets run text starting with = + - @ as a formula; a leading ' keeps it text. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const shanghai = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

/** The filtered events as CSV (UTF-8 with BOM so Excel reads the Chinese, CRLF, formula guard). The export is itself logged. */
export async function exportAuditCsv(actor: Actor, raw: unknown): Promise<{ csv: string; rows: number; truncated: boolean }> {
  assertAdmin(actor);
  const filter = parseInput(auditFilterSchema, raw);
  const { rows, total } = await query(filter, AUDIT_EXPORT_MAX_ROWS, 0);
  const header = ["时间", "人员", "用户名", "操作", "操作代码", "对象类型", "对象", "单位", "摘要", "IP"];
  const lines = [header.join(",")];
  for (const r of rows) {
    lines.push(
      [shanghai.format(r.at), r.actorName, r.actorUsername ?? "", r.actionLabel, r.action, r.targetType, r.targetId ?? "", r.unitName ?? "", r.summary, r.ip ?? ""]
        .map(csvCell)
        .join(","),
    );
  }
  await recordAudit(await getDb(), {
    actor,
    action: "audit.exported",
    targetType: "audit",
    summary: `导出审计日志 ${rows.length} 条${total > rows.length ? `（共 ${total} 条，超出部分未导出）` : ""}`,
  });
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: rows.length, truncated: total > rows.length };
}
