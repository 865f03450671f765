// Review on a fresh database: return with a reason, changes since the return, approve, reopen, comments, 催报,
// earlier versions, the withdraw/approve race, exactly one audit row per event, and scope.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoReport } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { auditEvents, unitReports, units } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { getBoard, listRemindersForClerk, remindUnits } from "../../lib/dal/board";
import { addComment, listOwnComments, setCommentResolved } from "../../lib/dal/comments";
import { getFillView } from "../../lib/dal/reports";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { getReviewView } from "../../lib/dal/review";
import { approveReport, reopenReport, returnReport, submitReport, withdrawReport } from "../../lib/dal/transitions";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let clerk: Actor;
let supervisor: Actor;
const T = { unitCode: "yuhai-town", year: 2026 };
const full = generateDemoReport(DEMO_FILERS.find((u) => u.code === "yuhai-town")!, 2026, null).report;
const CELL = "applications.granted.natural_person";

async function lockVersion() {
  return (await getFillView(clerk, 2026)).lockVersion;
}
async function auditCount(action: string) {
  const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.length;
}
async function fillAndSubmit() {
  const view = await getFillView(clerk, 2026);
  const cells = Object.entries(full.values)
    .filter(([cell, v]) => view.report.values[cell] !== v)
    .map(([cell, to]) => ({ cell, from: view.report.values[cell] ?? null, to: to ?? "" }));
  const narratives = (["preamble", "s1", "s5", "s6"] as const)
    .filter((s) => (view.report.narratives[s] ?? "") !== full.narratives[s])
    .map((s) => ({ section: s, from: view.report.narratives[s] ?? "", to: full.narratives[s]! }));
  if (cells.length || narratives.length) await saveReportChanges(clerk, { ...T, cells, narratives });
  await submitReport(clerk, { ...T, lockVersion: await lockVersion(), explanations: [] });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  clerk = await actorFor(handle.db, "clerk");
  supervisor = await actorFor(handle.db, "supervisor");
});
afterAll(async () => handle.close());

describe("return, resubmit, approve", () => {
  it("return needs a reason; the clerk sees it; changes since the return are exactly the cells edited", async () => {
    await fillAndSubmit();
    const lv = await lockVersion();
    await expect(returnReport(supervisor, { ...T, lockVersion: lv, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await expect(returnReport(clerk, { ...T, lockVersion: lv, reason: "请核对" })).rejects.toThrow("只有审核员可以退回");
    const before = await auditCount("report.return");
    await returnReport(supervisor, { ...T, lockVersion: lv, reason: "请核对予以公开的自然人申请数。" });
    expect(await auditCount("report.return")).toBe(before + 1);
    const fill = await getFillView(clerk, 2026);
    expect(fill).toMatchObject({ status: "returned", editable: true, lastTransition: { action: "return", reason: "请核对予以公开的自然人申请数。" } });

    // The clerk moves one application from 予以公开 to 部分公开, and resubmits.
    const granted = fill.report.values[CELL]!;
    const partial = fill.report.values["applications.partially_granted.natural_person"]!;
    await saveReportChanges(clerk, {
      ...T,
      cells: [
        { cell: CELL, from: granted, to: String(Number(granted) - 1) },
        { cell: "applications.partially_granted.natural_person", from: partial, to: String(Number(partial) + 1) },
      ],
      narratives: [],
    });
    await submitReport(clerk, { ...T, lockVersion: await lockVersion(), explanations: [] });
    const review = await getReviewView(supervisor, 2026, "yuhai-town");
    expect(review.changedSinceReturn?.cells.sort()).toEqual([CELL, "applications.partially_granted.natural_person"].sort());
    expect(review.changedSinceReturn?.sections).toEqual([]);
    // The version at the return shows the old figure.
    const returnEntry = review.timeline.find((t) => t.kind === "transition" && t.action === "return")!;
    const old = await getReviewView(supervisor, 2026, "yuhai-town", { version: returnEntry.lockVersion });
    expect(old.report.values[CELL]).toBe(granted);
    expect(old.shownVersion).toBe(returnEntry.lockVersion);
  });

  it("approve is refused with a stale lock version or an error, and works once", async () => {
    const lv = await lockVersion();
    await expect(approveReport(supervisor, { ...T, lockVersion: lv - 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(approveReport(clerk, { ...T, lockVersion: lv })).rejects.toBeInstanceOf(StateError);
    // An error slipped in (e.g. data changed under the app): approve re-validates and refuses.
    await handle.db.execute(sql`update report_cells set value = value + 5 where cell = ${CELL} and report_id = (select r.id from unit_reports r join units u on u.id = r.unit_id where u.code = 'yuhai-town' and r.year = 2026)`);
    await expect(approveReport(supervisor, { ...T, lockVersion: lv })).rejects.toThrow("个错误");
    await handle.db.execute(sql`update report_cells set value = value - 5 where cell = ${CELL} and report_id = (select r.id from unit_reports r join units u on u.id = r.unit_id where u.code = 'yuhai-town' and r.year = 2026)`);
    const before = await auditCount("report.approve");
    await approveReport(supervisor, { ...T, lockVersion: lv });
    expect(await auditCount("report.approve")).toBe(before + 1);
    await expect(approveReport(supervisor, { ...T, lockVersion: lv })).rejects.toThrow("不能审核通过");
    await expect(withdrawReport(clerk, T)).rejects.toThrow("不能撤回");
  });

  it("reopen needs a reason and sends the report back to the clerk", async () => {
    await expect(reopenReport(supervisor, { ...T, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await reopenReport(supervisor, { ...T, reason: "发现第二十条第（五）项数字需更新。" });
    expect((await getFillView(clerk, 2026)).status).toBe("returned");
  });

  it("a clerk's withdraw racing a supervisor's approve: exactly one wins, with one audit row", async () => {
    await submitReport(clerk, { ...T, lockVersion: await lockVersion(), explanations: [] });
    const lv = await lockVersion();
    const before = (await auditCount("report.withdraw")) + (await auditCount("report.approve"));
    const [w, a] = await Promise.allSettled([withdrawReport(clerk, T), approveReport(supervisor, { ...T, lockVersion: lv })]);
    expect([w.status, a.status].filter((s) => s === "fulfilled")).toHaveLength(1);
    const loser = w.status === "rejected" ? w : a;
    expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(StateError);
    const status = (await getFillView(clerk, 2026)).status;
    expect(status).toBe(w.status === "fulfilled" ? "draft" : "approved");
    expect((await auditCount("report.withdraw")) + (await auditCount("report.approve"))).toBe(before + 1);
  });
});

describe("comments and reminders", () => {
  it("supervisors start threads, the unit's clerk replies, supervisors resolve; nobody else gets in", async () => {
    const id = await addComment(supervisor, { ...T, target: CELL, body: "请说明增长原因。" });
    await expect(addComment(clerk, { ...T, target: CELL, body: "新线程" })).rejects.toThrow("只能回复");
    await addComment(clerk, { ...T, target: "report", body: "本年新增了网上申请渠道。", parentId: id });
    await expect(addComment(supervisor, { ...T, target: "nonsense", body: "x" })).rejects.toThrow("位置无效");
    const threads = await listOwnComments(clerk, 2026);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ target: CELL, body: "请说明增长原因。", replies: [{ body: "本年新增了网上申请渠道。", authorName: "豫海镇 填报员" }] });
    await expect(setCommentResolved(clerk, { ...T, commentId: id, resolved: true })).rejects.toBeInstanceOf(NotFoundError);
    await setCommentResolved(supervisor, { ...T, commentId: id, resolved: true });
    expect((await listOwnComments(clerk, 2026))[0]!.resolvedAt).not.toBeNull();
    await expect(addComment(clerk, { unitCode: "hexi-town", year: 2026, target: "report", body: "x", parentId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("催报 reaches units that have not submitted; the board shows when and counts checks", async () => {
    const result = await remindUnits(supervisor, { year: 2026, unitCodes: ["hexi-town", "dingtang-town"] });
    expect(result).toEqual({ reminded: ["hexi-town", "dingtang-town"], skipped: [] });
    const board = await getBoard(supervisor, 2026);
    const hexi = board.rows.find((r) => r.unit.code === "hexi-town")!;
    expect(hexi.lastRemindedAt).not.toBeNull();
    expect(hexi.status).toBe("not_started");
    const yuhai = board.rows.find((r) => r.unit.code === "yuhai-town")!;
    expect(yuhai).toMatchObject({ errors: 0, blanks: 0 });
    await expect(remindUnits(clerk, { year: 2026, unitCodes: ["hexi-town"] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listRemindersForClerk(clerk, 2026)).toEqual([]);
  });
});

describe("scope", () => {
  it("a supervisor cannot see or act on units outside their region", async () => {
    const [other] = await handle.db.insert(units).values({ code: "other-county", name: "别县", kind: "region" }).returning();
    await handle.db.insert(units).values({ code: "other-dept", name: "别县某局", kind: "department", parentId: other!.id });
    await expect(getReviewView(supervisor, 2026, "other-dept")).rejects.toBeInstanceOf(NotFoundError);
    await expect(approveReport(supervisor, { unitCode: "other-dept", year: 2026, lockVersion: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindUnits(supervisor, { year: 2026, unitCodes: ["other-dept"] })).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await handle.db.select().from(unitReports).where(and(eq(unitReports.year, 2026)));
    expect(row).toBeDefined();
  });
});
