// Unit administration on a fresh database: create, rename, kind, move (no cycles, no filer below a filer),
// deactivate, merge with carry-over following the successor; every change audited; other roles refused.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoReport } from "../../db/demo-reports";
import { auditEvents, units, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { importReport } from "../../lib/dal/operator";
import { getBoard } from "../../lib/dal/board";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { getFillView, listReportProgress } from "../../lib/dal/reports";
import { createUnit, mergeUnit, moveUnit, setUnitActive, updateUnit } from "../../lib/dal/unit-admin";
import { createUser } from "../../lib/dal/user-admin";
import { listUnitsForAdmin } from "../../lib/dal/units";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { parseInterchange, serializeInterchange, validateReport } from "../../lib/report-format";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let admin: Actor;
let supervisor: Actor;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  admin = await actorFor(handle.db, "admin");
  supervisor = await actorFor(handle.db, "supervisor");
  clerk = await actorFor(handle.db, "clerk");
});
afterAll(async () => handle.close());

async function unitByCode(code: string) {
  const [row] = await handle.db.select().from(units).where(eq(units.code, code));
  return row!;
}
async function auditFor(action: string, unitId: number) {
  return handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.unitId, unitId)));
}

describe("refused for other roles", () => {
  it("a supervisor or clerk calling the unit operations directly gets 'not found' and nothing changes", async () => {
    const county = await unitByCode("tongxin");
    const yuhai = await unitByCode("yuhai-town");
    for (const actor of [supervisor, clerk]) {
      await expect(createUnit(actor, { code: "x-unit", name: "某单位", kind: "department", parentId: county.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateUnit(actor, { id: yuhai.id, name: "改名", kind: "township", sortOrder: 1 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(moveUnit(actor, { id: yuhai.id, parentId: null })).rejects.toBeInstanceOf(NotFoundError);
      await expect(setUnitActive(actor, { id: yuhai.id, active: "false" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(mergeUnit(actor, { id: yuhai.id, successorId: county.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listUnitsForAdmin(actor)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await unitByCode("x-unit")).toBeUndefined();
    expect((await unitByCode("yuhai-town")).name).toBe("同心县豫海镇人民政府");
  });
});

describe("create", () => {
  it("creates a region at the root and a filer below it, audited", async () => {
    const region = await createUnit(admin, { code: " New-County ", name: "新县", kind: "region", parentId: "", sortOrder: "5" });
    expect(region).toMatchObject({ code: "new-county", kind: "region", parentId: null, sortOrder: 5, active: true });
    const filer = await createUnit(admin, { code: "new-dept", name: "新县教育局", kind: "department", parentId: String(region.id), sortOrder: "" });
    expect(filer).toMatchObject({ parentId: region.id, sortOrder: 0 });
    expect(await auditFor("unit.created", filer.id)).toHaveLength(1);
  });

  it("refuses a bad or taken code, a filer without a parent and a filer below a filer", async () => {
    const county = await unitByCode("tongxin");
    const yuhai = await unitByCode("yuhai-town");
    await expect(createUnit(admin, { code: "bad code", name: "某局", kind: "department", parentId: county.id })).rejects.toThrow("小写字母、数字和连字符");
    await expect(createUnit(admin, { code: "yuhai-town", name: "某局", kind: "department", parentId: county.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(createUnit(admin, { code: "orphan", name: "某局", kind: "department", parentId: "" })).rejects.toThrow("必须属于某个区域");
    await expect(createUnit(admin, { code: "under-filer", name: "某站", kind: "department", parentId: yuhai.id })).rejects.toThrow("填报单位下不能再设下级");
    await expect(createUnit(admin, { code: "no-kind", name: "某局", kind: "bureau", parentId: county.id })).rejects.toBeInstanceOf(ValidationError);
    expect(await unitByCode("orphan")).toBeUndefined();
  });
});

describe("rename, kind, order", () => {
  it("renames keeping the id (reports and users stay), audited with old and new name", async () => {
    const unit = await unitByCode("new-dept");
    await updateUnit(admin, { id: unit.id, name: "新县教育和体育局", kind: "department", sortOrder: 3 });
    expect(await unitByCode("new-dept")).toMatchObject({ id: unit.id, name: "新县教育和体育局", sortOrder: 3 });
    const [event] = await auditFor("unit.renamed", unit.id);
    expect(event!.summary).toContain("新县教育局 → 新县教育和体育局");
  });

  it("changes a filer's kind, refuses a region with children becoming a filer and a filer with a clerk becoming a region", async () => {
    const unit = await unitByCode("new-dept");
    await updateUnit(admin, { id: unit.id, name: unit.name, kind: "township", sortOrder: 3 });
    expect((await unitByCode("new-dept")).kind).toBe("township");
    const region = await unitByCode("new-county");
    await expect(updateUnit(admin, { id: region.id, name: region.name, kind: "department", sortOrder: 0 })).rejects.toBeInstanceOf(StateError);
    const yuhai = await unitByCode("yuhai-town");
    await expect(updateUnit(admin, { id: yuhai.id, name: yuhai.name, kind: "region", sortOrder: 0 })).rejects.toThrow("填报员");
  });
});

describe("move", () => {
  it("moves a filer to another region; refuses cycles, a filer as parent and a filer at the root", async () => {
    const county = await unitByCode("tongxin");
    const newCounty = await unitByCode("new-county");
    const dept = await unitByCode("new-dept");
    const sub = await createUnit(admin, { code: "new-county-east", name: "新县东片区", kind: "region", parentId: newCounty.id });
    await moveUnit(admin, { id: dept.id, parentId: sub.id });
    expect((await unitByCode("new-dept")).parentId).toBe(sub.id);
    expect(await auditFor("unit.moved", dept.id)).toHaveLength(1);

    await expect(moveUnit(admin, { id: newCounty.id, parentId: sub.id })).rejects.toThrow("它自己或它的下级");
    await expect(moveUnit(admin, { id: newCounty.id, parentId: newCounty.id })).rejects.toThrow("它自己或它的下级");
    const yuhai = await unitByCode("yuhai-town");
    await expect(moveUnit(admin, { id: sub.id, parentId: yuhai.id })).rejects.toThrow("填报单位下不能再设下级");
    await expect(moveUnit(admin, { id: dept.id, parentId: "" })).rejects.toThrow("必须属于某个区域");
    // A whole region moves with its subtree, below another region.
    await moveUnit(admin, { id: newCounty.id, parentId: county.id });
    expect((await unitByCode("new-county")).parentId).toBe(county.id);
    await moveUnit(admin, { id: newCounty.id, parentId: "" });
  });
});

describe("deactivate and merge", () => {
  it("deactivates a filer (kept with its history), refuses a region with active children", async () => {
    const newCounty = await unitByCode("new-county");
    await expect(setUnitActive(admin, { id: newCounty.id, active: "false" })).rejects.toThrow("启用的下级单位");
    const dept = await unitByCode("new-dept");
    await setUnitActive(admin, { id: dept.id, active: "false" });
    expect((await unitByCode("new-dept")).active).toBe(false);
    await setUnitActive(admin, { id: dept.id, active: "true" });
    expect(await auditFor("unit.deactivated", dept.id)).toHaveLength(1);
    expect(await auditFor("unit.activated", dept.id)).toHaveLength(1);
  });

  it("a merge deactivates the old unit, names its successor, and the successor's carry-over follows the old unit's report", async () => {
    const county = await unitByCode("tongxin");
    const old = await unitByCode("dingtang-town");
    const last = generateDemoReport({ code: "dingtang-town", name: old.name, kind: "township", weight: 1 }, 2025, null).report;
    const document = serializeInterchange(last);
    await importReport(handle.db, parseInterchange(document), { year: 2025, unitCode: "dingtang-town", status: "approved", replace: false, source: "test", document });

    const merged = await createUnit(admin, { code: "dingtang-merged", name: "同心县丁塘镇（合并后）", kind: "township", parentId: county.id });
    await mergeUnit(admin, { id: old.id, successorId: merged.id });
    expect(await unitByCode("dingtang-town")).toMatchObject({ active: false, successorId: merged.id });
    expect(await auditFor("unit.merged", old.id)).toHaveLength(1);
    await expect(setUnitActive(admin, { id: old.id, active: "true" })).rejects.toThrow("已并入");
    await expect(mergeUnit(admin, { id: old.id, successorId: merged.id })).rejects.toThrow("已经并入");
    await expect(mergeUnit(admin, { id: merged.id, successorId: merged.id })).rejects.toThrow("不能把单位并入它自己");
    await expect(mergeUnit(admin, { id: merged.id, successorId: county.id })).rejects.toThrow("只有填报单位之间可以合并");

    await createUser(admin, { username: "merged-clerk", displayName: "合并后填报员", role: "clerk", unitId: merged.id, password: "Merged-Clerk-2026" });
    await handle.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, "merged-clerk"));
    const mergedClerk = await actorFor(handle.db, "merged-clerk");
    const view = await getFillView(mergedClerk, 2026);
    expect(view.previous?.values).toEqual(last.values);

    // The board checks the successor's 上年结转 against the old unit's report too (X-CARRY), as the form does.
    const cell = "applications.carried_over.natural_person";
    const wrong = String(Number(last.values["applications.carry_forward.natural_person"] ?? "0") + 1);
    await saveReportChanges(mergedClerk, { unitCode: "dingtang-merged", year: 2026, cells: [{ cell, from: null, to: wrong }], narratives: [] });
    const row = (await getBoard(supervisor, 2026)).rows.find((r) => r.unit.code === "dingtang-merged")!;
    const saved = (await getFillView(mergedClerk, 2026)).report;
    const expected = validateReport(saved, { previous: view.previous! }).filter((i) => i.severity === "warning" && i.rule !== "GEN-FILLED");
    expect(expected.map((i) => i.rule)).toContain("X-CARRY");
    expect(row.warnings).toBe(expected.length);

    // The merged unit leaves the supervisor's progress list of 2026 (it did not file); its successor is there.
    const progress = (await listReportProgress(supervisor, 2026)).map((r) => r.unit.code);
    expect(progress).not.toContain("dingtang-town");
    expect(progress).toContain("dingtang-merged");
  });

  it("a merge moves the old unit's clerks to the successor when asked, ending their sessions; otherwise leaves them", async () => {
    const county = await unitByCode("tongxin");
    const a = await createUnit(admin, { code: "merge-a", name: "合并测试甲镇", kind: "township", parentId: county.id });
    const b = await createUnit(admin, { code: "merge-b", name: "合并测试乙镇", kind: "township", parentId: county.id });
    const c = await createUnit(admin, { code: "merge-c", name: "合并测试丙镇", kind: "township", parentId: county.id });
    await createUser(admin, { username: "merge-a-clerk", displayName: "甲镇填报员", role: "clerk", unitId: a.id, password: "Merge-A-Clerk-2026" });
    await createUser(admin, { username: "merge-b-clerk", displayName: "乙镇填报员", role: "clerk", unitId: b.id, password: "Merge-B-Clerk-2026" });
    const userRow = async (username: string) => (await handle.db.select().from(users).where(eq(users.username, username)))[0]!;
    const epochBefore = (await userRow("merge-a-clerk")).sessionEpoch;

    expect(await mergeUnit(admin, { id: a.id, successorId: c.id, moveClerks: "on" })).toEqual({ moved: 1 });
    expect(await userRow("merge-a-clerk")).toMatchObject({ unitId: c.id, sessionEpoch: epochBefore + 1 });
    expect((await auditFor("unit.merged", a.id))[0]!.summary).toContain("填报员 merge-a-clerk 转到承继单位");
    await handle.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, "merge-a-clerk"));
    const moved = await actorFor(handle.db, "merge-a-clerk");
    expect((await getFillView(moved, 2026)).report.unit.code).toBe("merge-c");

    // Unchecked: the clerk stays with the old, now inactive unit (an admin reassigns them later).
    expect(await mergeUnit(admin, { id: b.id, successorId: c.id })).toEqual({ moved: 0 });
    expect(await userRow("merge-b-clerk")).toMatchObject({ unitId: b.id });
    expect((await auditFor("unit.merged", b.id))[0]!.summary).toContain("仍有 1 名用户属于原单位");
  });
});
