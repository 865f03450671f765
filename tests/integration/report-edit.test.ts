// Saving and submitting a clerk's report: cell-by-cell conflicts, idempotent saves, refusal of bad input,
// the submit conditions and withdrawal, on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoReport } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { reportCells, reportTransitions, unitReports, units, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { getFillView } from "../../lib/dal/reports";
import { saveReportChanges, type SaveInput } from "../../lib/dal/report-edit";
import { submitReport, withdrawReport } from "../../lib/dal/transitions";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { getFormat } from "../../lib/report-format";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let clerk: Actor;
const A = "applications.new_received.natural_person";
const save = (actor: Actor, cells: SaveInput["cells"], narratives: SaveInput["narratives"] = []) =>
  saveReportChanges(actor, { unitCode: "yuhai-town", year: 2026, cells, narratives });

async function cellValue(cell: string): Promise<string | null | undefined> {
  const [row] = await handle.db
    .select({ value: reportCells.value })
    .from(reportCells)
    .innerJoin(unitReports, eq(unitReports.id, reportCells.reportId))
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(and(eq(units.code, "yuhai-town"), eq(unitReports.year, 2026), eq(reportCells.cell, cell)));
  return row?.value;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  clerk = await actorFor(handle.db, "clerk");
});
afterAll(async () => handle.close());

describe("saveReportChanges", () => {
  it("creates the report on the first save with every other cell blank, and advances lock_version", async () => {
    const first = await save(clerk, [{ cell: A, from: null, to: "１２" }]);
    expect(first.applied).toEqual([{ cell: A, value: "12" }]);
    expect(first.conflicts).toEqual([]);
    expect(first.lockVersion).toBe(1);
    const view = await getFillView(clerk, 2026);
    expect(view.status).toBe("draft");
    expect(view.report.values[A]).toBe("12");
    expect(Object.values(view.report.values).filter((v) => v === null)).toHaveLength(getFormat("2021").inputCells.length - 1);
  });

  it("refuses the whole save when one value is invalid, and a computed cell", async () => {
    await expect(
      save(clerk, [
        { cell: "applications.new_received.commercial", from: null, to: "3" },
        { cell: "applications.new_received.research", from: null, to: "1.5" },
      ]),
    ).rejects.toThrow(/不能填小数/);
    expect(await cellValue("applications.new_received.commercial")).toBeNull();
    await expect(save(clerk, [{ cell: "applications.new_received.total", from: null, to: "3" }])).rejects.toBeInstanceOf(ValidationError);
    await expect(save(clerk, [{ cell: "no.such.cell", from: null, to: "3" }])).rejects.toBeInstanceOf(ValidationError);
  });

  it("keeps a cell someone changed meanwhile as a conflict, applies the other cells, and is idempotent", async () => {
    // Another tab saved 12 → 15; this tab still thinks the cell is 12 and changes it to 20 together with another cell.
    await save(clerk, [{ cell: A, from: "12", to: "15" }]);
    const result = await save(clerk, [
      { cell: A, from: "12", to: "20" },
      { cell: "applications.carried_over.natural_person", from: null, to: "1" },
    ]);
    expect(result.applied).toEqual([{ cell: "applications.carried_over.natural_person", value: "1" }]);
    expect(result.conflicts).toEqual([{ cell: A, theirs: "15", by: "豫海镇 填报员", at: expect.any(String) }]);
    expect(await cellValue(A)).toBe("15");
    // The same save again (a retry after a lost response) changes nothing and is no conflict.
    const retry = await save(clerk, [{ cell: "applications.carried_over.natural_person", from: null, to: "1" }]);
    expect(retry.applied).toEqual([{ cell: "applications.carried_over.natural_person", value: "1" }]);
    expect(retry.conflicts).toEqual([]);
  });

  it("20 concurrent saves of the same cell: exactly one wins, the others get conflicts, no value is lost", async () => {
    const cell = "applications.granted.natural_person";
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => save(clerk, [{ cell, from: null, to: String(100 + i) }])));
    const winners = results.filter((r) => r.applied.length === 1);
    expect(winners).toHaveLength(1);
    const winning = winners[0]!.applied[0]!.value;
    expect(results.filter((r) => r.conflicts.length === 1).every((r) => r.conflicts[0]!.theirs === winning)).toBe(true);
    expect(await cellValue(cell)).toBe(winning);
  });

  it("narratives conflict the same way", async () => {
    const ok = await save(clerk, [], [{ section: "s5", from: "", to: "问题一" }]);
    expect(ok.appliedNarratives).toEqual([{ section: "s5", body: "问题一" }]);
    const stale = await save(clerk, [], [{ section: "s5", from: "", to: "别的文字" }]);
    expect(stale.narrativeConflicts).toEqual([{ section: "s5", theirs: "问题一", by: "豫海镇 填报员", at: expect.any(String) }]);
  });

  it("another unit's report, or another role, is not found", async () => {
    await expect(saveReportChanges(clerk, { unitCode: "hexi-town", year: 2026, cells: [{ cell: A, from: null, to: "1" }], narratives: [] })).rejects.toBeInstanceOf(NotFoundError);
    const supervisor = await actorFor(handle.db, "supervisor");
    await expect(save(supervisor, [{ cell: A, from: "15", to: "1" }])).rejects.toBeInstanceOf(NotFoundError);
    expect(await cellValue(A)).toBe("15");
  });
});

describe("submit and withdraw", () => {
  const unit = DEMO_FILERS.find((u) => u.code === "yuhai-town")!;
  const full = generateDemoReport(unit, 2026, null).report;

  async function fillAll(values: Record<string, string | null>, narratives: Record<string, string>) {
    const view = await getFillView(clerk, 2026);
    const cells = Object.entries(values).map(([cell, to]) => ({ cell, from: view.report.values[cell] ?? null, to: to ?? "" }));
    const narr = Object.entries(narratives).map(([section, to]) => ({
      section: section as "s1",
      from: view.report.narratives[section as "s1"] ?? "",
      to,
    }));
    return save(clerk, cells, narr);
  }

  it("refuses while there are errors, blanks or unexplained warnings; accepts once explained", async () => {
    const lockVersion = () => getFillView(clerk, 2026).then((v) => v.lockVersion);
    // Blanks first: only some cells filled.
    await expect(submitReport(clerk, { unitCode: "yuhai-town", year: 2026, lockVersion: await lockVersion(), explanations: [] })).rejects.toThrow(/错误|未填写/);

    // Everything filled but carry_forward wrong: a T3-BAL error.
    const broken = { ...full.values, "applications.carry_forward.natural_person": "99" };
    await fillAll(broken, { preamble: full.narratives.preamble!, s1: full.narratives.s1!, s5: full.narratives.s5!, s6: "无其他事项。" });
    await expect(submitReport(clerk, { unitCode: "yuhai-town", year: 2026, lockVersion: await lockVersion(), explanations: [] })).rejects.toThrow("个错误");

    // Fixed: only the NARR-FEE warning is left, and it needs an explanation.
    await fillAll(full.values, {});
    const lv = await lockVersion();
    await expect(submitReport(clerk, { unitCode: "yuhai-town", year: 2026, lockVersion: lv, explanations: [] })).rejects.toThrow("未填写说明");
    await expect(
      submitReport(clerk, { unitCode: "yuhai-town", year: 2026, lockVersion: lv - 1, explanations: [{ rule: "NARR-FEE", cell: "narratives.s6", text: "本单位不收费" }] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await submitReport(clerk, { unitCode: "yuhai-town", year: 2026, lockVersion: lv, explanations: [{ rule: "NARR-FEE", cell: "narratives.s6", text: "本单位不收费" }] });

    const view = await getFillView(clerk, 2026);
    expect(view.status).toBe("submitted");
    expect(view.editable).toBe(false);
    const [t] = await handle.db.select().from(reportTransitions).where(eq(reportTransitions.action, "submit"));
    expect(t).toMatchObject({ fromStatus: "draft", toStatus: "submitted", lockVersion: lv });
    expect(t!.explanations).toEqual([{ rule: "NARR-FEE", cell: "narratives.s6", message: expect.stringContaining("信息处理费"), explanation: "本单位不收费" }]);
  });

  it("a submitted report cannot be saved; withdrawing makes it editable again, once", async () => {
    await expect(save(clerk, [{ cell: A, from: full.values[A]!, to: "1" }])).rejects.toBeInstanceOf(StateError);
    await withdrawReport(clerk, { unitCode: "yuhai-town", year: 2026 });
    expect((await getFillView(clerk, 2026)).status).toBe("draft");
    await expect(withdrawReport(clerk, { unitCode: "yuhai-town", year: 2026 })).rejects.toBeInstanceOf(StateError);
    await expect(withdrawReport(clerk, { unitCode: "hexi-town", year: 2026 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a closed year cannot be edited", async () => {
    await expect(saveReportChanges(clerk, { unitCode: "yuhai-town", year: 2025, cells: [{ cell: A, from: null, to: "1" }], narratives: [] })).rejects.toThrow("已关闭");
    const [u] = await handle.db.select().from(users).where(eq(users.username, "clerk"));
    expect(u).toBeDefined();
  });
});
