// The supervisor's progress board: every filer in the region with status, check results, deadline, reminders and
// contacts; 催报 reminders; "new since your last visit".
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { lastVisits, reminders, reportCells, reportNarratives, unitReports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { countBySeverity, emptyValues, getFormat, validateReport, type NarrativeId, type ReportData } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { loadPreviousReport, STATUS_LABELS, type ProgressStatus } from "./reports";
import { listFilersInScope, type UnitDto } from "./units";
import { getYear } from "./years";

export interface BoardRow {
  unit: UnitDto;
  status: ProgressStatus;
  statusLabel: string;
  lockVersion: number;
  updatedAt: Date | null;
  updatedByName: string | null;
  errors: number;
  warnings: number;
  blanks: number;
  lastRemindedAt: Date | null;
  /** Submitted since the supervisor last opened the board. */
  isNew: boolean;
  contacts: { name: string; phone: string | null }[];
}

async function loadReports(db: Awaited<ReturnType<typeof getDb>>, year: number, unitIds: number[], formatVersion: "2019" | "2021", units: Map<number, UnitDto>) {
  const rows = await db.select().from(unitReports).where(and(eq(unitReports.year, year), inArray(unitReports.unitId, unitIds)));
  const ids = rows.map((r) => r.id);
  const cells = ids.length ? await db.select().from(reportCells).where(inArray(reportCells.reportId, ids)) : [];
  const narr = ids.length ? await db.select().from(reportNarratives).where(inArray(reportNarratives.reportId, ids)) : [];
  const format = getFormat(formatVersion);
  const data = new Map<number, ReportData>();
  for (const r of rows) {
    const u = units.get(r.unitId)!;
    data.set(r.unitId, { formatVersion, year, unit: { code: u.code, name: u.name }, narratives: {}, values: emptyValues(format) });
  }
  const byReport = new Map(rows.map((r) => [r.id, r.unitId]));
  for (const c of cells) {
    const d = data.get(byReport.get(c.reportId)!)!;
    if (c.cell in d.values) d.values[c.cell] = c.value;
  }
  for (const n of narr) data.get(byReport.get(n.reportId)!)!.narratives[n.section as NarrativeId] = n.body;
  return { rows, data };
}

export async function getBoard(actor: Actor, year: number): Promise<{ rows: BoardRow[]; lastVisit: Date | null }> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const y = await getYear(year);
  const db = await getDb();
  const filers = await listFilersInScope(actor, db);
  if (!filers.length) return { rows: [], lastVisit: null };
  const unitIds = filers.map((f) => f.id);
  const byId = new Map(filers.map((f) => [f.id, f]));
  const current = await loadReports(db, year, unitIds, y.formatVersion, byId);
  let previous = new Map<number, ReportData>();
  try {
    const py = await getYear(year - 1);
    const prev = await loadReports(db, year - 1, unitIds, py.formatVersion, byId);
    const final = new Set(prev.rows.filter((r) => r.status === "approved" || r.status === "published").map((r) => r.unitId));
    previous = new Map([...prev.data].filter(([unitId]) => final.has(unitId)));
    // A successor without a report of its own last year is checked against the unit it succeeded, as in its form.
    const successors = new Set(filers.map((f) => f.successorId));
    for (const unit of filers) {
      if (previous.has(unit.id) || !successors.has(unit.id)) continue;
      const inherited = await loadPreviousReport(db, unit, year);
      if (inherited) previous.set(unit.id, inherited);
    }
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  // Only the people who last changed a status, not every account.
  const changerIds = [...new Set(current.rows.map((r) => r.statusChangedBy).filter((id): id is number => id !== null))];
  const changers = changerIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, changerIds)) : [];
  const nameOf = new Map(changers.map((u) => [u.id, u.name]));
  const reminderRows = await db
    .select({ unitId: reminders.unitId, sentAt: reminders.sentAt })
    .from(reminders)
    .where(and(eq(reminders.year, year), inArray(reminders.unitId, unitIds)))
    .orderBy(desc(reminders.sentAt));
  const lastReminded = new Map<number, Date>();
  for (const r of reminderRows) if (!lastReminded.has(r.unitId)) lastReminded.set(r.unitId, r.sentAt);
  const contactRows = await db
    .select({ unitId: users.unitId, name: users.displayName, phone: users.phone })
    .from(users)
    .where(and(eq(users.role, "clerk"), eq(users.active, true), inArray(users.unitId, unitIds)));
  const place = `board:${year}`;
  const [visit] = await db.select().from(lastVisits).where(and(eq(lastVisits.userId, actor.id), eq(lastVisits.place, place)));
  const lastVisit = visit?.at ?? null;

  // A deactivated (or merged) unit is no longer expected to file; it stays listed for a year it did file.
  const rows = filers.filter((unit) => unit.active || current.data.has(unit.id)).map((unit): BoardRow => {
    const r = current.rows.find((x) => x.unitId === unit.id);
    const status: ProgressStatus = r?.status ?? "not_started";
    const data = current.data.get(unit.id);
    const prev = previous.get(unit.id);
    const issues = data ? validateReport(data, prev ? { previous: prev } : {}) : [];
    const blanks = issues.filter((i) => i.rule === "GEN-FILLED").length;
    const { errors, warnings } = countBySeverity(issues);
    return {
      unit,
      status,
      statusLabel: STATUS_LABELS[status],
      lockVersion: r?.lockVersion ?? 0,
      updatedAt: r?.statusChangedAt ?? null,
      updatedByName: r?.statusChangedBy ? (nameOf.get(r.statusChangedBy) ?? null) : null,
      errors,
      warnings: warnings - blanks,
      blanks,
      lastRemindedAt: lastReminded.get(unit.id) ?? null,
      isNew: status === "submitted" && (lastVisit === null || (r?.statusChangedAt ?? new Date(0)) > lastVisit),
      contacts: contactRows.filter((c) => c.unitId === unit.id).map((c) => ({ name: c.name, phone: c.phone })),
    };
  });
  return { rows, lastVisit };
}

/** Remembers that the supervisor has seen the board now (for the next visit's "new" marks). */
export async function markBoardVisited(actor: Actor, year: number): Promise<void> {
  if (actor.role !== "supervisor") return;
  const db = await getDb();
  const now = new Date();
  await db
    .insert(lastVisits)
    .values({ userId: actor.id, place: `board:${year}`, at: now })
    .onConflictDoUpdate({ target: [lastVisits.userId, lastVisits.place], set: { at: now } });
}

const remindSchema = z.object({
  year: z.number().int().min(2019).max(2100),
  unitCodes: z.array(z.string().min(1).max(64)).min(1, "请选择要催报的单位").max(500),
  message: z.string().trim().max(500).optional(),
});

/** 催报: reminds units that have not submitted yet; submitted or approved units are skipped. */
export async function remindUnits(actor: Actor, raw: unknown): Promise<{ reminded: string[]; skipped: string[] }> {
  if (actor.role !== "supervisor") throw new NotFoundError();
  const parsed = remindSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "请求无效。");
  const { year, unitCodes, message } = parsed.data;
  const y = await getYear(year);
  const db = await getDb();
  const filers = await listFilersInScope(actor, db);
  const chosen = unitCodes.map((code) => {
    const unit = filers.find((f) => f.code === code);
    if (!unit) throw new NotFoundError("未找到该单位，或该单位不在您的管理范围内。");
    return unit;
  });
  const statusRows = await db
    .select({ unitId: unitReports.unitId, status: unitReports.status })
    .from(unitReports)
    .where(and(eq(unitReports.year, year), inArray(unitReports.unitId, chosen.map((u) => u.id))));
  const done = new Set(statusRows.filter((r) => !["draft", "returned", "correcting"].includes(r.status)).map((r) => r.unitId));
  const text = message || `请于 ${y.unitDeadline} 前完成 ${year} 年度政府信息公开工作年度报告的填报并提交。`;
  const reminded: string[] = [];
  const skipped: string[] = [];
  await db.transaction(async (tx) => {
    for (const unit of chosen) {
      if (done.has(unit.id)) {
        skipped.push(unit.code);
        continue;
      }
      await tx.insert(reminders).values({ year, unitId: unit.id, sentBy: actor.id, message: text });
      await recordAudit(tx, { actor, action: "report.reminded", targetType: "unit", targetId: unit.id, unitId: unit.id, summary: `催报 ${unit.name} ${year} 年度年报` });
      reminded.push(unit.code);
    }
  });
  return { reminded, skipped };
}

export interface ReminderDto {
  sentAt: Date;
  message: string;
  byName: string;
}

/** Reminders a clerk's unit received for a year, newest first. */
export async function listRemindersForClerk(actor: Actor, year: number): Promise<ReminderDto[]> {
  if (actor.role !== "clerk" || actor.unitId === null) return [];
  const db = await getDb();
  return db
    .select({ sentAt: reminders.sentAt, message: reminders.message, byName: users.displayName })
    .from(reminders)
    .innerJoin(users, eq(users.id, reminders.sentBy))
    .where(and(eq(reminders.year, year), eq(reminders.unitId, actor.unitId)))
    .orderBy(desc(reminders.sentAt));
}
