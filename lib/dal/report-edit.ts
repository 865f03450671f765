// Saving a clerk's changes cell by cell without lost updates: each change names the value it was made from, and a
// cell someone else changed meanwhile comes back as a conflict while the other cells apply.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { reportCells, reportChanges, reportNarratives, unitReports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, StateError, ValidationError } from "@/lib/errors";
import { decimalCompare, getFormat, parseCellInput, type FormatDef, type NarrativeId } from "@/lib/report-format";
import { STATUS_LABELS, type ReportStatus } from "./reports";
import { getFilerInScope } from "./units";
import { getYear } from "./years";

export const EDITABLE_STATUSES: ReportStatus[] = ["draft", "returned", "correcting"];
export const NARRATIVE_SECTIONS: NarrativeId[] = ["preamble", "s1", "s5", "s6"];
export const NARRATIVE_MAX_CHARS = 20_000;

export const saveInputSchema = z.object({
  unitCode: z.string().min(1).max(64),
  year: z.number().int().min(2019).max(2100),
  cells: z
    .array(z.object({ cell: z.string().max(120), from: z.string().max(40).nullable(), to: z.string().max(40) }))
    .max(400),
  narratives: z
    .array(
      z.object({
        section: z.enum(["preamble", "s1", "s5", "s6"]),
        from: z.string().max(NARRATIVE_MAX_CHARS),
        to: z.string().max(NARRATIVE_MAX_CHARS, `文字部分不能超过 ${NARRATIVE_MAX_CHARS} 个字符`),
      }),
    )
    .max(4),
});
export type SaveInput = z.infer<typeof saveInputSchema>;

export interface CellConflict {
  cell: string;
  theirs: string | null;
  by: string | null;
  at: string;
}
export interface NarrativeConflict {
  section: NarrativeId;
  theirs: string;
  by: string | null;
  at: string;
}
export interface SaveResult {
  lockVersion: number;
  applied: { cell: string; value: string | null }[];
  appliedNarratives: { section: NarrativeId; body: string }[];
  conflicts: CellConflict[];
  narrativeConflicts: NarrativeConflict[];
  savedAt: string;
}

function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return decimalCompare(a, b) === 0;
}

/** The unit whose report the actor may edit: a clerk's own unit only; anything else is "not found". */
async function editableUnit(actor: Actor, unitCode: string) {
  if (actor.role !== "clerk" || actor.unitId === null) throw new NotFoundError();
  const unit = await getFilerInScope(actor, unitCode);
  if (unit.id !== actor.unitId) throw new NotFoundError();
  return unit;
}

/** Creates the report (all input cells blank) on first use; returns it locked for this transaction. */
export async function lockOrCreateReport(tx: Tx, year: number, unitId: number, format: FormatDef, actorId: number) {
  const inserted = await tx
    .insert(unitReports)
    .values({ year, unitId, status: "draft", lockVersion: 0, updatedBy: actorId, statusChangedBy: actorId })
    .onConflictDoNothing()
    .returning({ id: unitReports.id });
  if (inserted[0]) {
    await tx.insert(reportCells).values(format.inputCells.map((c) => ({ reportId: inserted[0]!.id, cell: c.address, value: null })));
  }
  const [report] = await tx
    .select()
    .from(unitReports)
    .where(and(eq(unitReports.year, year), eq(unitReports.unitId, unitId)))
    .for("update");
  return report!;
}

/** Parses every change before anything is written: one invalid value refuses the whole save. */
function parseChanges(format: FormatDef, input: SaveInput) {
  const problems: Record<string, string[]> = {};
  const seen = new Set<string>();
  const cells = input.cells.map((change) => {
    const def = format.cell(change.cell);
    if (!def || def.kind === "total") {
      problems[change.cell] = ["该单元格不存在或为自动计算，不能填写"];
      return null;
    }
    if (seen.has(change.cell)) problems[change.cell] = ["同一单元格在一次保存中出现了两次"];
    seen.add(change.cell);
    const parsed = parseCellInput(def, change.to);
    if (!parsed.ok) {
      problems[change.cell] = [`${def.accessibleName}：${parsed.message}`];
      return null;
    }
    return { cell: change.cell, from: change.from, to: parsed.value };
  });
  const messages = Object.values(problems).flat();
  if (messages.length) throw new ValidationError(`未保存：${messages.join("；")}`, problems);
  return cells.filter((c) => c !== null);
}

export async function saveReportChanges(actor: Actor, raw: unknown): Promise<SaveResult> {
  const parsedInput = saveInputSchema.safeParse(raw);
  if (!parsedInput.success) throw new ValidationError(`未保存：${parsedInput.error.issues[0]?.message ?? "请求无效"}`);
  const input = parsedInput.data;
  const unit = await editableUnit(actor, input.unitCode);
  const year = await getYear(input.year);
  const format = getFormat(year.formatVersion);
  const changes = parseChanges(format, input);
  const db = await getDb();

  return db.transaction(async (tx) => {
    const report = await lockOrCreateReport(tx, input.year, unit.id, format, actor.id);
    if (!EDITABLE_STATUSES.includes(report.status)) {
      throw new StateError(`本报表当前状态为“${STATUS_LABELS[report.status]}”，不能修改。${report.status === "submitted" ? "如需修改，请先撤回。" : ""}`);
    }
    if (year.status === "closed" && report.status !== "correcting") {
      throw new StateError(`${input.year} 年度已关闭，只能通过更正程序修改。`);
    }
    const now = new Date();
    const applied: SaveResult["applied"] = [];
    const history: { cell: string; from: string | null; to: string | null }[] = [];
    const conflicts: CellConflict[] = [];
    const losers: string[] = [];
    for (const change of changes) {
      // Only a cell still holding the value the user started from is overwritten (the report row lock orders saves).
      const updated = await tx
        .update(reportCells)
        .set({ value: change.to, updatedAt: now, updatedBy: actor.id })
        .where(
          and(
            eq(reportCells.reportId, report.id),
            eq(reportCells.cell, change.cell),
            sql`${reportCells.value} is not distinct from ${change.from}::numeric`,
          ),
        )
        .returning({ cell: reportCells.cell });
      if (updated.length) {
        applied.push({ cell: change.cell, value: change.to });
        if (!sameValue(change.from, change.to)) history.push({ cell: change.cell, from: change.from, to: change.to });
      } else losers.push(change.cell);
    }
    if (losers.length) {
      const current = await tx
        .select({ cell: reportCells.cell, value: reportCells.value, at: reportCells.updatedAt, by: users.displayName })
        .from(reportCells)
        .leftJoin(users, eq(users.id, reportCells.updatedBy))
        .where(and(eq(reportCells.reportId, report.id), inArray(reportCells.cell, losers)));
      for (const change of changes.filter((c) => losers.includes(c.cell))) {
        const now = current.find((c) => c.cell === change.cell);
        // A retried save whose value is already there is not a conflict: saves are idempotent.
        if (now && sameValue(now.value, change.to)) applied.push({ cell: change.cell, value: now.value });
        else conflicts.push({ cell: change.cell, theirs: now?.value ?? null, by: now?.by ?? null, at: (now?.at ?? report.updatedAt).toISOString() });
      }
    }

    const appliedNarratives: SaveResult["appliedNarratives"] = [];
    const narrativeHistory: { section: NarrativeId; from: string; to: string }[] = [];
    const narrativeConflicts: NarrativeConflict[] = [];
    for (const change of input.narratives) {
      await tx.insert(reportNarratives).values({ reportId: report.id, section: change.section, body: "" }).onConflictDoNothing();
      const updated = await tx
        .update(reportNarratives)
        .set({ body: change.to, updatedAt: now, updatedBy: actor.id })
        .where(and(eq(reportNarratives.reportId, report.id), eq(reportNarratives.section, change.section), eq(reportNarratives.body, change.from)))
        .returning({ section: reportNarratives.section });
      if (updated.length) {
        appliedNarratives.push({ section: change.section, body: change.to });
        if (change.from !== change.to) narrativeHistory.push(change);
        continue;
      }
      const [now2] = await tx
        .select({ body: reportNarratives.body, at: reportNarratives.updatedAt, by: users.displayName })
        .from(reportNarratives)
        .leftJoin(users, eq(users.id, reportNarratives.updatedBy))
        .where(and(eq(reportNarratives.reportId, report.id), eq(reportNarratives.section, change.section)));
      if (now2?.body === change.to) appliedNarratives.push({ section: change.section, body: change.to });
      else narrativeConflicts.push({ section: change.section, theirs: now2?.body ?? "", by: now2?.by ?? null, at: (now2?.at ?? now).toISOString() });
    }

    let lockVersion = report.lockVersion;
    if (applied.length || appliedNarratives.length) {
      const [after] = await tx
        .update(unitReports)
        .set({ lockVersion: sql`${unitReports.lockVersion} + 1`, updatedAt: now, updatedBy: actor.id })
        .where(eq(unitReports.id, report.id))
        .returning({ lockVersion: unitReports.lockVersion });
      lockVersion = after!.lockVersion;
      if (history.length || narrativeHistory.length) {
        await tx.insert(reportChanges).values({ reportId: report.id, actorId: actor.id, at: now, lockVersion, cells: history, narratives: narrativeHistory });
      }
    }
    return { lockVersion, applied, appliedNarratives, conflicts, narrativeConflicts, savedAt: now.toISOString() };
  });
}
