// Roll-up time: the app's computeRollup (lib/dal/rollup-compute.ts) beside a bare SQL SUM … GROUP BY over the same
// rows, for the demo county (33 reports, PGlite and PostgreSQL) and a synthetic province of 10,000 reports
// (PostgreSQL, generated in bulk SQL in a temporary database); plus one full refresh (locks, sums, writes) of each.
import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres, wrapPglite, type DatabaseHandle } from "../db/client";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
import { migrateDatabase } from "../db/migrate";
import { units } from "../db/schema";
import { seedDemoBase } from "../db/seed";
import { importReport } from "../lib/dal/operator";
import { computeRollup } from "../lib/dal/rollup-compute";
import { ensureRegionReport, storeRollup } from "../lib/dal/rollup-store";
import { getFormat, parseInterchange, serializeInterchange } from "../lib/report-format";
import { measureAsync, type Result } from "./measure";

const YEAR = 2025;
const PROVINCE_REPORTS = 10_000;

/** The bare query: every cell's SUM over the approved reports of the region's children. */
function bareSum(handle: DatabaseHandle, regionId: number) {
  return handle.db.execute(sql`
    select rc.cell, sum(rc.value) from report_cells rc
    join unit_reports ur on ur.id = rc.report_id
    join units u on u.id = ur.unit_id
    where ur.year = ${YEAR} and u.parent_id = ${regionId} and ur.status in ('approved', 'published')
    group by rc.cell`);
}

async function regionId(handle: DatabaseHandle, code: string): Promise<number> {
  const [row] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row!.id;
}

async function seedDemoCounty(handle: DatabaseHandle): Promise<void> {
  await migrateDatabase(handle);
  await seedDemoBase(handle.db);
  for (const unit of DEMO_FILERS) {
    const document = serializeInterchange(generateDemoSeries(unit, [YEAR])[0]!);
    await importReport(handle.db, parseInterchange(document), { year: YEAR, unitCode: unit.code, status: "approved", replace: false, source: "bench", document });
  }
}

/** 10,000 approved 2021-format reports under one region, every input cell filled, money with 4 decimals: bulk SQL. */
async function seedProvince(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const format = getFormat("2021");
  const cells = format.inputCells.map((c) => c.address);
  const money = format.inputCells.filter((c) => c.kind === "money").map((c) => c.address);
  try {
    const [province] = await client`insert into units (code, name, kind, sort_order) values ('synthetic-province', '合成省', 'region', 1000) returning id`;
    const id = Number(province!.id);
    await client`insert into units (code, name, kind, parent_id, sort_order)
      select 'p-unit-' || g, '合成单位' || g, (case when g % 3 = 0 then 'township' else 'department' end)::unit_kind, ${id}, g
      from generate_series(1, ${PROVINCE_REPORTS}::int) g`;
    await client`insert into unit_reports (year, unit_id, status, lock_version)
      select ${YEAR}, u.id, 'approved', 1 from units u where u.parent_id = ${id}`;
    await client`insert into report_cells (report_id, cell, value)
      select ur.id, c.cell,
        case when c.cell = any(${money}::text[]) then ((ur.id * 7919) % 1000000)::numeric / 10000
             else ((ur.id * 31 + c.k) % 97)::numeric end
      from unit_reports ur join units u on u.id = ur.unit_id
      cross join unnest(${cells}::text[]) with ordinality as c(cell, k)
      where u.parent_id = ${id}`;
    await client`analyze`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function measurePair(label: string, handle: DatabaseHandle, code: string, iterations: number, warmup: number): Promise<Result[]> {
  const id = await regionId(handle, code);
  const app = await measureAsync(`roll-up ${label}: computeRollup`, iterations, warmup, () => computeRollup(handle.db, YEAR, "2021", id));
  const bare = await measureAsync(`roll-up ${label}: bare SUM … GROUP BY`, iterations, warmup, () => bareSum(handle, id));
  const refresh = await measureAsync(`roll-up ${label}: full refresh (lock, sum, store)`, Math.max(3, Math.floor(iterations / 10)), 1, () =>
    handle.db.transaction(async (tx) => storeRollup(tx, await ensureRegionReport(tx, YEAR, id, null), "2021", null)),
  );
  console.error(`${label}: computeRollup / bare SUM = ${(app.median_ms / bare.median_ms).toFixed(2)}× (medians)`);
  return [app, bare, refresh];
}

async function withTempPostgres<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T | null> {
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
  } catch {
    console.error(`PostgreSQL at ${serverUrl} did not answer: roll-up on PostgreSQL not measured.`);
    return null;
  } finally {
    await probe.end({ timeout: 1 });
  }
  const name = `nianbao_bench_rollup_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function benchRollup(): Promise<Result[]> {
  const results: Result[] = [];
  const pglite = wrapPglite(await PGlite.create(), "memory");
  try {
    await seedDemoCounty(pglite);
    results.push(...(await measurePair("demo county, 33 reports (PGlite)", pglite, "tongxin", 100, 10)));
  } finally {
    await pglite.close();
  }
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const pg = await withTempPostgres(serverUrl, async (url) => {
    const handle = openPostgres(url);
    try {
      await seedDemoCounty(handle);
      const out = await measurePair("demo county, 33 reports (PostgreSQL)", handle, "tongxin", 100, 10);
      const t0 = performance.now();
      await seedProvince(url);
      console.error(`synthetic province: ${PROVINCE_REPORTS} reports generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      out.push(...(await measurePair(`synthetic province, ${PROVINCE_REPORTS.toLocaleString("en")} reports (PostgreSQL)`, handle, "synthetic-province", 10, 2)));
      return out;
    } finally {
      await handle.close();
    }
  });
  if (pg) results.push(...pg);
  return results;
}
