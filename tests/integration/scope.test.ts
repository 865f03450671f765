// Scope: supervisors see the filers of their region, clerks their own unit; anything else is "not found".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { DEMO_FILERS } from "../../db/demo-units";
import { seedDemoBase } from "../../db/seed";
import { getReportView, listReportProgress } from "../../lib/dal/reports";
import { getFilerInScope, listFilersInScope, listUnitsForAdmin } from "../../lib/dal/units";
import { listUsersForAdmin } from "../../lib/dal/users";
import { NotFoundError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
});
afterAll(async () => handle.close());

describe("scope", () => {
  it("a supervisor of the county sees every filer below it, and no region", async () => {
    const sup = await actorFor(handle.db, "supervisor");
    const filers = await listFilersInScope(sup);
    expect(filers.map((f) => f.code).sort()).toEqual(DEMO_FILERS.map((f) => f.code).sort());
    expect(filers.some((f) => f.kind === "region")).toBe(false);
  });

  it("a clerk sees only their own unit; another unit is not found", async () => {
    const clerk = await actorFor(handle.db, "clerk");
    expect((await listFilersInScope(clerk)).map((f) => f.code)).toEqual(["yuhai-town"]);
    await expect(getFilerInScope(clerk, "hexi-town")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportView(clerk, 2026, "hexi-town")).rejects.toBeInstanceOf(NotFoundError);
    const own = await getReportView(clerk, 2026, "yuhai-town");
    expect(own).toMatchObject({ status: "not_started", unit: { code: "yuhai-town" } });
    expect(Object.values(own.report.values).every((v) => v === null)).toBe(true);
  });

  it("the progress board lists every filer with its status", async () => {
    const sup = await actorFor(handle.db, "supervisor");
    const rows = await listReportProgress(sup, 2026);
    expect(rows).toHaveLength(DEMO_FILERS.length);
    expect(rows.every((r) => r.status === "not_started" && r.statusLabel === "未开始")).toBe(true);
    await expect(listReportProgress(sup, 1999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("admin listings are for admins only", async () => {
    const admin = await actorFor(handle.db, "admin");
    const clerk = await actorFor(handle.db, "clerk");
    expect((await listUnitsForAdmin(admin)).length).toBe(DEMO_FILERS.length + 1);
    expect((await listUsersForAdmin(admin)).map((u) => u.username).sort()).toEqual(["admin", "clerk", "supervisor"]);
    await expect(listUnitsForAdmin(clerk)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listUsersForAdmin(clerk)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportView(admin, 2026, "yuhai-town")).rejects.toBeInstanceOf(NotFoundError);
  });
});
