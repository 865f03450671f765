// The database itself: idempotent migrations and seed, the append-only audit log, the PGlite directory lock.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openPglite, type DatabaseHandle } from "../../db/client";
import { DEMO_FILERS } from "../../db/demo-units";
import { migrateDatabase } from "../../db/migrate";
import { auditEvents, reportingYears, units, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import { recordAudit } from "../../lib/dal/audit";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;

/** The database's own message (drizzle wraps it as the cause of a "Failed query" error). */
async function databaseError(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(err);
  }
  return "no error";
}
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe("migrations and seed", () => {
  it("migrating again changes nothing", async () => {
    await migrateDatabase(handle);
    await migrateDatabase(handle);
  });

  it("the seed is idempotent and loads the demo county", async () => {
    await seedDemoBase(handle.db);
    await seedDemoBase(handle.db);
    const unitRows = await handle.db.select().from(units);
    expect(unitRows).toHaveLength(DEMO_FILERS.length + 1);
    expect(unitRows.filter((u) => u.kind === "township")).toHaveLength(12);
    expect(unitRows.filter((u) => u.kind === "department").length).toBeGreaterThanOrEqual(18);
    expect(await handle.db.select().from(users)).toHaveLength(3);
    const years = await handle.db.select().from(reportingYears).orderBy(reportingYears.year);
    expect(years.map((y) => [y.year, y.formatVersion, y.status])).toEqual([
      [2019, "2019", "closed"],
      [2020, "2019", "closed"],
      [2021, "2021", "closed"],
      [2022, "2021", "closed"],
      [2023, "2021", "closed"],
      [2024, "2021", "closed"],
      [2025, "2021", "closed"],
      [2026, "2021", "open"],
    ]);
    expect(years.at(-1)).toMatchObject({ unitDeadline: "2027-01-31", countyDeadline: "2027-02-20" });
  });
});

describe("audit log", () => {
  it("accepts inserts and refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAudit(handle.db, { actor: null, action: "test", targetType: "test", summary: "测试" });
    expect(await databaseError(handle.db.execute(sql`update audit_events set summary = 'changed'`))).toMatch(/append-only/);
    expect(await databaseError(handle.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await databaseError(handle.db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    const rows = await handle.db.select().from(auditEvents);
    expect(rows.some((r) => r.summary === "测试")).toBe(true);
  });
});

describe("PGlite directory lock", () => {
  it("a second process opening the same directory gets a clear error, and the lock is released on close", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-lock-"));
    const dataDir = path.join(dir, "db");
    const first = await openPglite(dataDir);
    try {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "-e", `import("./db/client.ts").then(m => m.openPglite(${JSON.stringify(dataDir)})).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`],
        { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toContain("正被另一个进程");
      expect(child.stderr).toContain(`process ${process.pid}`);
      // In this process the directory is held too: a second open is refused rather than shared.
      await expect(openPglite(dataDir)).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
    const again = await openPglite(dataDir);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
