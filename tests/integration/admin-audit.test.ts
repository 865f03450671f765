// The audit log for the admin on a fresh database: filters (person, unit, action, dates), paging, CSV export with a
// BOM and the formula guard, refused for other roles, and the database refusing any change to an event.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditEvents, units } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { recordAudit } from "../../lib/dal/audit";
import { AUDIT_PAGE_SIZE, csvCell, exportAuditCsv, listAuditActions, listAuditEvents } from "../../lib/dal/audit-log";
import { NotFoundError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let admin: Actor;
let yuhaiId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  admin = await actorFor(handle.db, "admin");
  const [yuhai] = await handle.db.select().from(units).where(eq(units.code, "yuhai-town"));
  yuhaiId = yuhai!.id;
  // 60 events by the clerk on 2026-03-01 (Shanghai), and one with a formula-like summary by the admin now.
  for (let i = 0; i < 60; i++) {
    await handle.db.insert(auditEvents).values({
      at: new Date(`2026-03-01T09:${String(i % 60).padStart(2, "0")}:00+08:00`),
      actorName: "豫海镇 填报员",
      action: "report.submit",
      targetType: "report",
      unitId: yuhaiId,
      summary: `提交 ${i}`,
    });
  }
  await recordAudit(handle.db, { actor: { id: admin.id, displayName: "系统管理员" }, action: "unit.renamed", targetType: "unit", summary: "=HYPERLINK(\"x\")" });
});
afterAll(async () => handle.close());

describe("audit log", () => {
  it("other roles are refused", async () => {
    for (const name of ["supervisor", "clerk"]) {
      const actor = await actorFor(handle.db, name);
      await expect(listAuditEvents(actor, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(exportAuditCsv(actor, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(listAuditActions(actor)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("the database refuses to change or delete an event (so nothing is ever lost before 6 months, or after)", async () => {
    await expect(handle.db.update(auditEvents).set({ summary: "改" })).rejects.toThrow();
    await expect(handle.db.delete(auditEvents)).rejects.toThrow();
  });

  it("filters by person, unit, action and date range, newest first, paged", async () => {
    const byClerk = await listAuditEvents(admin, { person: "填报员", unitId: String(yuhaiId), action: "report.submit" });
    expect(byClerk).toMatchObject({ total: 60, page: 1, pages: 2 });
    expect(byClerk.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(byClerk.rows[0]!.summary).toBe("提交 59");
    expect(byClerk.rows[0]).toMatchObject({ actionLabel: "年报提交", unitName: "同心县豫海镇人民政府" });
    const page2 = await listAuditEvents(admin, { person: "填报员", page: "2" });
    expect(page2.rows.map((r) => r.summary).at(-1)).toBe("提交 0");
    // "to" includes its whole day in Asia/Shanghai; "from" starts at its midnight there.
    expect((await listAuditEvents(admin, { from: "2026-03-01", to: "2026-03-01", action: "report.submit" })).total).toBe(60);
    expect((await listAuditEvents(admin, { from: "2026-03-02", to: "2026-03-02", action: "report.submit" })).total).toBe(0);
    expect((await listAuditEvents(admin, { person: "admin" })).rows.map((r) => r.action)).toContain("unit.renamed");
    expect((await listAuditEvents(admin, { person: "%" })).total).toBe(0);
    await expect(listAuditEvents(admin, { from: "March" })).rejects.toThrow("日期应为");
    expect((await listAuditActions(admin)).find((a) => a.action === "unit.renamed")?.label).toBe("单位更名");
  });

  it("exports the filtered events as CSV with a BOM, CRLF and the formula guard; the export is logged", async () => {
    const { csv, rows, truncated } = await exportAuditCsv(admin, { action: "unit.renamed" });
    expect(rows).toBe(1);
    expect(truncated).toBe(false);
    expect(csv.startsWith("\uFEFF时间,人员,用户名,操作,操作代码,对象类型,对象,单位,摘要,IP\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+86 0953")).toBe("'+86 0953");
    expect(csvCell("普通")).toBe("普通");
    expect((await listAuditEvents(admin, { action: "audit.exported" })).total).toBe(1);
  });
});
