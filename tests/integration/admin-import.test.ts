// Bulk set-up on a fresh database: the template round trip (.xlsx and CSV), a dry run that writes nothing, per-row
// errors with row, column and a Chinese message, nothing applied when any row is invalid, all applied otherwise.
import ExcelJS from "exceljs";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditEvents, units, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { readSetupCsv, readSetupXlsx, SetupFileError } from "../../lib/bulk-setup/read";
import { setupTemplateCsv, setupTemplateXlsx } from "../../lib/bulk-setup/write";
import { runBulkImport } from "../../lib/dal/bulk-import";
import { verifyCredentials } from "../../lib/dal/sign-in";
import { NotFoundError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  admin = await actorFor(handle.db, "admin");
});
afterAll(async () => handle.close());

async function counts() {
  const [u] = await handle.db.select({ n: count() }).from(units);
  const [p] = await handle.db.select({ n: count() }).from(users);
  const [a] = await handle.db.select({ n: count() }).from(auditEvents);
  return { units: u!.n, users: p!.n, audit: a!.n };
}

const UNITS_CSV = [
  "单位代码,单位名称,类别,上级单位代码,排序",
  "north-dept,北县财政局,部门,north-county,2",
  "north-county,北县,区域,,1",
  "",
  "north-town,北县城关镇人民政府,乡镇,north-county,",
].join("\r\n");

async function templateWith(rows: { units: string[][]; users: string[][] }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await setupTemplateXlsx()).buffer as ArrayBuffer);
  for (const r of rows.units) wb.getWorksheet("单位")!.addRow(r);
  for (const r of rows.users) wb.getWorksheet("用户")!.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("bulk set-up", () => {
  it("the templates carry the headers the reader expects", async () => {
    expect(setupTemplateCsv("units").startsWith("\uFEFF单位代码,单位名称,类别,上级单位代码,排序\r\n")).toBe(true);
    expect(readSetupCsv(setupTemplateCsv("users"))).toEqual({ units: [], users: [] });
    expect(await readSetupXlsx(await setupTemplateXlsx())).toEqual({ units: [], users: [] });
    expect(() => readSetupCsv("名称,代码\r\n")).toThrow(SetupFileError);
    await expect(readSetupXlsx(new TextEncoder().encode("not a workbook"))).rejects.toThrow("不是 Excel 工作簿");
  });

  it("refuses other roles", async () => {
    for (const name of ["supervisor", "clerk"]) {
      await expect(runBulkImport(await actorFor(handle.db, name), readSetupCsv(UNITS_CSV), "apply")).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("a dry run of a valid CSV lists what would be created and writes nothing", async () => {
    const before = await counts();
    const result = await runBulkImport(admin, readSetupCsv(UNITS_CSV), "dry-run");
    expect(result).toMatchObject({ applied: false, errors: [], passwords: [] });
    expect(result.units.map((u) => u.code)).toEqual(["north-dept", "north-county", "north-town"]);
    expect(await counts()).toEqual(before);
  });

  it("one bad row: every error named by row, column and message, and nothing applied", async () => {
    const before = await counts();
    const file = await templateWith({
      units: [
        ["west-county", "西县", "区域", "", ""],
        ["west-dept", "西县教育局", "部门", "west-county", "1"],
        ["West Bad", "西县某局", "局", "no-such-region", "x"],
        ["yuhai-town", "重复代码", "乡镇", "tongxin", ""],
      ],
      users: [
        ["west-clerk", "西县填报员", "填报员", "west-dept", "", "", ""],
        ["west-sup", "西县审核员", "审核员", "", "west-dept", "", "weak"],
        ["CLERK", "重名", "填报员", "west-dept", "", "", ""],
      ],
    });
    const result = await runBulkImport(admin, await readSetupXlsx(file), "apply");
    expect(result.applied).toBe(false);
    expect(result.errors.map(({ sheet, row, column }) => `${sheet}!${row} ${column}`)).toEqual([
      "单位!4 单位代码",
      "单位!4 类别",
      "单位!4 排序",
      "单位!5 单位代码",
      "用户!3 审核范围代码",
      "用户!3 初始密码",
      "用户!3 初始密码",
      "用户!4 用户名",
    ]);
    for (const e of result.errors) expect(e.message).toMatch(/\p{Script=Han}/u);
    expect(result.errors[3]!.message).toContain("已被已有单位“同心县豫海镇人民政府”使用");
    expect(result.errors[4]!.message).toContain("审核范围须为区域");
    expect(await counts()).toEqual(before);
  });

  it("a valid file applies everything in one go: units parents first, users with forced change, generated passwords once", async () => {
    const file = await templateWith({
      units: [
        ["west-dept", "西县教育局", "部门", "west-county", "1"],
        ["west-county", "西县", "区域", "", ""],
      ],
      users: [
        ["west-clerk", "西县填报员", "填报员", "west-dept", "", "0953-1", ""],
        ["west-sup", "西县审核员", "审核员", "", "west-county", "", "West-Sup-Pass-2026"],
      ],
    });
    const result = await runBulkImport(admin, await readSetupXlsx(file), "apply");
    expect(result.errors).toEqual([]);
    expect(result.applied).toBe(true);
    expect(result.passwords.map((p) => p.username)).toEqual(["west-clerk"]);
    const rows = await handle.db.select().from(units).where(inArray(units.code, ["west-county", "west-dept"]));
    const county = rows.find((r) => r.code === "west-county")!;
    expect(rows.find((r) => r.code === "west-dept")).toMatchObject({ parentId: county.id, kind: "department", sortOrder: 1 });
    const [clerk] = await handle.db.select().from(users).where(eq(users.username, "west-clerk"));
    expect(clerk).toMatchObject({ role: "clerk", mustChangePassword: true, phone: "0953-1" });
    expect(await verifyCredentials("west-clerk", result.passwords[0]!.password, null)).toMatchObject({ ok: true });
    expect(await verifyCredentials("west-sup", "West-Sup-Pass-2026", null)).toMatchObject({ ok: true });
    const bulk = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "bulk.imported"));
    expect(bulk.map((e) => e.summary)).toEqual(["批量导入 2 个单位、2 名用户"]);

    // The same file again: every row is now taken, nothing changes.
    const again = await runBulkImport(admin, await readSetupXlsx(file), "apply");
    expect(again.applied).toBe(false);
    expect(again.errors).toHaveLength(4);
  });
});
