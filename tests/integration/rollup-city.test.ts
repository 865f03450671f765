// A city rolling up two counties and a filer of its own: each county's stored roll-up counts once, a county change
// makes the city stale, and scope follows the tree (a county supervisor cannot see the city or the other county).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { DEMO_FILERS, type DemoUnit } from "../../db/demo-units";
import { units, users } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { getCountyView } from "../../lib/dal/rollup";
import { excludeUnit, refreshRollup, saveRegionNarratives } from "../../lib/dal/rollup-actions";
import { NotFoundError } from "../../lib/errors";
import { getFormat, rollupValues, type ReportData } from "../../lib/report-format";
import { actorFor } from "../support/actors";
import { importParts, makeParts } from "../support/rollup-data";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let city: Actor;
let county: Actor;
const F = getFormat("2021");
const YEAR = 2025;
const COUNTY_B: DemoUnit[] = [
  { code: "b-gov-office", name: "乙县人民政府办公室", kind: "gov_office", weight: 1 },
  { code: "b-town", name: "乙县某镇人民政府", kind: "township", weight: 1 },
];
const CITY_FILER: DemoUnit = { code: "city-dept-finance", name: "某市财政局", kind: "department", weight: 1 };
let parts: ReportData[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  const db = handle.db;
  const [cityUnit] = await db.insert(units).values({ code: "some-city", name: "某市", kind: "region" }).returning();
  await db.update(units).set({ parentId: cityUnit!.id }).where(eq(units.code, "tongxin"));
  const [b] = await db.insert(units).values({ code: "county-b", name: "乙县", kind: "region", parentId: cityUnit!.id, sortOrder: 1 }).returning();
  for (const [i, u] of COUNTY_B.entries()) await db.insert(units).values({ code: u.code, name: u.name, kind: u.kind, parentId: b!.id, sortOrder: i });
  await db.insert(units).values({ code: CITY_FILER.code, name: CITY_FILER.name, kind: CITY_FILER.kind, parentId: cityUnit!.id, sortOrder: 2 });
  const [sup] = await db.select().from(users).where(eq(users.username, "supervisor"));
  await db.insert(users).values({ username: "city-supervisor", displayName: "市审核员", passwordHash: sup!.passwordHash, role: "supervisor", regionId: cityUnit!.id });
  parts = [
    ...makeParts(F, YEAR, DEMO_FILERS.slice(0, 3), { "active_disclosure.admin_fees.amount": ["0.000001", "1.5", "2"] }),
    ...makeParts(F, YEAR, COUNTY_B, { "active_disclosure.admin_fees.amount": ["0.000002", null] }),
    ...makeParts(F, YEAR, [CITY_FILER]),
  ];
  await importParts(db, parts);
  city = await actorFor(db, "city-supervisor");
  county = await actorFor(db, "supervisor");
});
afterAll(async () => handle.close());

describe("a city over two counties", () => {
  it("before the counties roll up, they are missing and only the city's own filer counts", async () => {
    await refreshRollup(city, { year: YEAR });
    const view = await getCountyView(city, YEAR);
    expect(view.region.code).toBe("some-city");
    expect(view.regions.map((r) => r.code)).toEqual(["some-city", "tongxin", "county-b"]);
    expect(view.contributors.map((c) => [c.code, c.source, c.state, c.statusLabel])).toEqual([
      ["tongxin", "region", "missing", "尚未汇总"],
      ["county-b", "region", "missing", "尚未汇总"],
      [CITY_FILER.code, "report", "included", "已通过"],
    ]);
    expect(view.report!.values).toEqual(rollupValues(F, parts.slice(-1)));
  });

  it("each county's roll-up counts once: the city equals the sum over every filer", async () => {
    await refreshRollup(city, { year: YEAR, region: "tongxin" });
    await refreshRollup(city, { year: YEAR, region: "county-b" });
    const stale = await getCountyView(city, YEAR);
    expect(stale.stale?.units.map((u) => [u.code, u.why])).toEqual([
      ["tongxin", "下级区域已汇总"],
      ["county-b", "下级区域已汇总"],
    ]);
    await refreshRollup(city, { year: YEAR });
    const view = await getCountyView(city, YEAR);
    expect(view.stale).toBeNull();
    expect(view.report!.values).toEqual(rollupValues(F, parts));
    expect(view.report!.values["active_disclosure.admin_fees.amount"]).toBe(rollupValues(F, parts)["active_disclosure.admin_fees.amount"]);
    expect(view.subtotals.map((s) => [s.label, s.units])).toEqual([
      ["部门", 1],
      ["下级区域", 2],
    ]);
  });

  it("a county's narrative edit leaves the city fresh; a county exclusion makes it stale until refreshed", async () => {
    const tongxin = await getCountyView(county, YEAR);
    await saveRegionNarratives(county, { year: YEAR, lockVersion: tongxin.lockVersion, narratives: { s1: "县级总体情况。" } });
    expect((await getCountyView(city, YEAR)).stale).toBeNull();

    await excludeUnit(county, { year: YEAR, unitCode: DEMO_FILERS[2]!.code, reason: "测试：数据有误待核。" });
    const view = await getCountyView(city, YEAR);
    expect(view.stale?.units).toEqual([{ code: "tongxin", name: "同心县", why: "下级汇总已更新" }]);
    await refreshRollup(city, { year: YEAR });
    const refreshed = await getCountyView(city, YEAR);
    expect(refreshed.report!.values).toEqual(rollupValues(F, parts.filter((p) => p.unit.code !== DEMO_FILERS[2]!.code)));
    // The county's text is at hand for the city's narratives, its live figures substituted.
    expect(refreshed.unitNarratives.find((u) => u.code === "tongxin")?.narratives.s1).toBe("县级总体情况。");
  });

  it("scope follows the tree: the county supervisor sees neither the city nor the other county", async () => {
    await expect(getCountyView(county, YEAR, "some-city")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCountyView(county, YEAR, "county-b")).rejects.toBeInstanceOf(NotFoundError);
    await expect(refreshRollup(county, { year: YEAR, region: "county-b" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCountyView(county, YEAR)).regions.map((r) => r.code)).toEqual(["tongxin"]);
  });
});
