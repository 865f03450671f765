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
/** What a migration could change: the public schema's shape and every table's row count (migrations included). */
async function schemaAndCounts() {
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const rows = async (query: ReturnType<typeof sql>) => {
    const res = (await handle.db.execute(query)) as unknown as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
    return Array.isArray(res) ? [...res] : res.rows;
  };
  const tables = (await rows(sql`select table_schema || '.' || table_name as name from information_schema.tables
    where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`)).map((r) => String(r.name));
  const columns = await rows(sql`select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`);
  const indexes = await rows(sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`);
  const triggers = await rows(sql`select tgname, tgrelid::regclass::text as rel, tgenabled from pg_trigger
    where not tgisinternal order by rel, tgname`);
  const constraints = await rows(sql`select conname, conrelid::regclass::text as rel, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace order by rel, conname`);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [schema, table] = t.split(".");
    const [r] = await rows(sql`select count(*)::int as n from ${sql.identifier(schema!)}.${sql.identifier(table!)}`);
    counts[t] = Number(r!.n);
  }
  return { tables, columns, indexes, triggers, constraints, counts };
}
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle.close());

describe("migrations and seed", () => {
  it("migrating again changes nothing: same tables, columns, indexes, triggers, constraints and rows", async () => {
    const before = await schemaAndCounts();
    expect(before.tables.length).toBeGreaterThan(10);
    expect(before.counts["drizzle.__drizzle_migrations"]).toBeGreaterThan(0);
    await migrateDatabase(handle);
    await migrateDatabase(handle);
    expect(await schemaAndCounts()).toEqual(before);
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
