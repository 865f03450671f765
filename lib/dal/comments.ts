// Review comments: supervisors pin them to a cell, a narrative section or the whole report; the unit's clerk
// and supervisors reply in the thread; supervisors resolve and reopen threads.
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db/client";
import { reportComments, unitReports, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getFormat } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { getFilerInScope } from "./units";
import { getYear } from "./years";

export interface CommentDto {
  id: number;
  target: string;
  body: string;
  authorName: string;
  authorRole: Actor["role"];
  createdAt: Date;
  resolvedAt: Date | null;
  replies: Omit<CommentDto, "replies">[];
}

const addSchema = z.object({
  unitCode: z.string().min(1).max(64),
  year: z.number().int().min(2019).max(2100),
  target: z.string().min(1).max(120),
  body: z.string().trim().min(1, "批注内容不能为空").max(4000, "批注不能超过 4000 字"),
  parentId: z.number().int().positive().optional(),
});

/** Threads of a report, oldest first, each with its replies. */
export async function listComments(db: Db | Tx, reportId: number): Promise<CommentDto[]> {
  const rows = await db
    .select({ c: reportComments, authorName: users.displayName, authorRole: users.role })
    .from(reportComments)
    .innerJoin(users, eq(users.id, reportComments.authorId))
    .where(eq(reportComments.reportId, reportId))
    .orderBy(asc(reportComments.createdAt), asc(reportComments.id));
  const threads = new Map<number, CommentDto>();
  const dto = (r: (typeof rows)[number]) => ({
    id: r.c.id,
    target: r.c.target,
    body: r.c.body,
    authorName: r.authorName,
    authorRole: r.authorRole,
    createdAt: r.c.createdAt,
    resolvedAt: r.c.resolvedAt,
  });
  for (const r of rows) if (r.c.parentId === null) threads.set(r.c.id, { ...dto(r), replies: [] });
  for (const r of rows) if (r.c.parentId !== null) threads.get(r.c.parentId)?.replies.push(dto(r));
  return [...threads.values()];
}

async function reportInScope(tx: Tx, actor: Actor, unitCode: string, year: number) {
  if (actor.role === "admin") throw new NotFoundError();
  const unit = await getFilerInScope(actor, unitCode, tx);
  if (actor.role === "clerk" && unit.id !== actor.unitId) throw new NotFoundError();
  const [report] = await tx.select().from(unitReports).where(and(eq(unitReports.year, year), eq(unitReports.unitId, unit.id)));
  if (!report) throw new NotFoundError("该单位还没有这一年度的年报。");
  return { unit, report };
}

/** A new thread (supervisors) or a reply (supervisors and the unit's own clerk). */
export async function addComment(actor: Actor, raw: unknown): Promise<number> {
  const parsed = addSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "批注无效。");
  const input = parsed.data;
  const year = await getYear(input.year);
  const format = getFormat(year.formatVersion);
  const validTarget =
    input.target === "report" || /^narratives\.(preamble|s1|s5|s6)$/.test(input.target) || format.cell(input.target) !== undefined;
  if (!validTarget) throw new ValidationError("批注位置无效。");
  if (actor.role === "clerk" && input.parentId === undefined) throw new ValidationError("填报员只能回复审核员的批注。");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { unit, report } = await reportInScope(tx, actor, input.unitCode, input.year);
    let target = input.target;
    if (input.parentId !== undefined) {
      const [parent] = await tx
        .select()
        .from(reportComments)
        .where(and(eq(reportComments.id, input.parentId), eq(reportComments.reportId, report.id), isNull(reportComments.parentId)));
      if (!parent) throw new NotFoundError("要回复的批注不存在。");
      target = parent.target;
    }
    const [row] = await tx
      .insert(reportComments)
      .values({ reportId: report.id, parentId: input.parentId ?? null, target, authorId: actor.id, body: input.body })
      .returning({ id: reportComments.id });
    await recordAudit(tx, {
      actor,
      action: input.parentId ? "comment.replied" : "comment.added",
      targetType: "unit_report",
      targetId: report.id,
      unitId: unit.id,
      summary: `${input.parentId ? "回复批注" : "添加批注"}（${unit.name} ${input.year} 年度，${target}）`,
    });
    return row!.id;
  });
}

/** Marks a thread resolved or open again (supervisors in scope). */
export async function setCommentResolved(actor: Actor, raw: unknown): Promise<void> {
  const parsed = z.object({ unitCode: z.string().min(1).max(64), year: z.number().int(), commentId: z.number().int().positive(), resolved: z.boolean() }).safeParse(raw);
  if (!parsed.success) throw new ValidationError("请求无效。");
  if (actor.role !== "supervisor") throw new NotFoundError();
  const { unitCode, year, commentId, resolved } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { unit, report } = await reportInScope(tx, actor, unitCode, year);
    const updated = await tx
      .update(reportComments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(and(eq(reportComments.id, commentId), eq(reportComments.reportId, report.id), isNull(reportComments.parentId)))
      .returning({ id: reportComments.id });
    if (!updated.length) throw new NotFoundError("批注不存在。");
    await recordAudit(tx, {
      actor,
      action: resolved ? "comment.resolved" : "comment.reopened",
      targetType: "unit_report",
      targetId: report.id,
      unitId: unit.id,
      summary: `${resolved ? "将批注标为已解决" : "重新打开批注"}（${unit.name} ${year} 年度）`,
    });
  });
}

/** The comment threads on the clerk's own report of a year (empty before the report exists). */
export async function listOwnComments(actor: Actor, year: number): Promise<CommentDto[]> {
  if (actor.role !== "clerk" || actor.unitId === null) return [];
  const db = await getDb();
  const [report] = await db.select({ id: unitReports.id }).from(unitReports).where(and(eq(unitReports.year, year), eq(unitReports.unitId, actor.unitId)));
  return report ? listComments(db, report.id) : [];
}
