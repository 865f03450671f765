// Server time of one autosave (one changed cell, conflict-checked) through lib/dal, on PGlite and on PostgreSQL.
import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { openPostgres, setDatabase, wrapPglite, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemoBase } from "../db/seed";
import { saveReportChanges } from "../lib/dal/report-edit";
import { actorFor } from "../tests/support/actors";
import { measureAsync, type Result } from "./measure";

const CELLS = ["applications.new_received.natural_person", "applications.granted.natural_person", "active_disclosure.admin_licensing.decisions"];

async function benchOn(label: string, handle: DatabaseHandle): Promise<Result> {
  setDatabase(handle);
  await migrateDatabase(handle);
  await seedDemoBase(handle.db);
  const clerk = await actorFor(handle.db, "clerk");
  const current = new Map<string, string | null>(CELLS.map((c) => [c, null]));
  const result = await measureAsync(`autosave of one cell, server time (${label})`, 300, 30, async (i) => {
    const cell = CELLS[i % CELLS.length]!;
    const to = String(i);
    const res = await saveReportChanges(clerk, { unitCode: "yuhai-town", year: 2026, cells: [{ cell, from: current.get(cell) ?? null, to }], narratives: [] });
    if (res.conflicts.length) throw new Error("unexpected conflict in the benchmark");
    current.set(cell, to);
  });
  setDatabase(undefined);
  return result;
}

async function postgresAvailable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function benchAutosave(): Promise<Result[]> {
  const results: Result[] = [];
  const pglite = wrapPglite(await PGlite.create(), "memory");
  results.push(await benchOn("PGlite", pglite));
  await pglite.close();

  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (await postgresAvailable(serverUrl)) {
    const name = `nianbao_bench_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const pg = openPostgres(url.toString());
    try {
      results.push(await benchOn("PostgreSQL", pg));
    } finally {
      await pg.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.error(`PostgreSQL at ${serverUrl} did not answer: autosave on PostgreSQL not measured.`);
  }
  return results;
}
