// Downloads of finished reports: the unit's own clerk once approved or published, a supervisor in scope any existing
// report, everyone else "not found"; a published report's file carries its version, date and correction note.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { publications, unitReports, units, users } from "../../db/schema";
import { seedDemo } from "../../db/seed-demo";
import { seedE2eOtherRegion, E2E_OTHER_REGION } from "../../e2e/fixtures/e2e-users";
import type { Actor } from "../../lib/auth/policy";
import { insertSnapshot } from "../../lib/dal/publications";
import { getReportForDownload } from "../../lib/dal/report-download";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { getReportView } from "../../lib/dal/reports";
import { NotFoundError } from "../../lib/errors";
import { buildReportFile } from "../../lib/export/report-files";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let clerk: Actor;
let supervisor: Actor;
let admin: Actor;
let outsider: Actor;

async function reportRow(unitCode: string, year: number) {
  const [row] = await handle.db
    .select({ id: unitReports.id, unitId: unitReports.unitId, lockVersion: unitReports.lockVersion })
    .from(unitReports)
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(and(eq(units.code, unitCode), eq(unitReports.year, year)));
  return row!;
}

async function setStatus(unitCode: string, year: number, status: "published" | "correcting") {
  const row = await reportRow(unitCode, year);
  await handle.db.update(unitReports).set({ status }).where(eq(unitReports.id, row.id));
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NotFoundError);
  return (err as NotFoundError).message;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  await seedE2eOtherRegion(handle.db);
  const [region] = await handle.db.select({ id: units.id }).from(units).where(eq(units.code, E2E_OTHER_REGION.region));
  const [template] = await handle.db.select().from(users).where(eq(users.username, "supervisor"));
  await handle.db.insert(users).values({ username: "other-supervisor", displayName: "外县审核员", passwordHash: template!.passwordHash, role: "supervisor", regionId: region!.id });
  [clerk, supervisor, admin, outsider] = await Promise.all(["clerk", "supervisor", "admin", "other-supervisor"].map((u) => actorFor(handle.db, u)));
});
afterAll(async () => handle.close());

describe("the unit's own clerk", () => {
  it("downloads their published report: the figures and narratives as saved, with the version's number and date", async () => {
    const found = await getReportForDownload(clerk, 2025, "yuhai-town");
    expect(found).toMatchObject({ status: "published", unit: { code: "yuhai-town" }, meta: { version: 1, publishedAt: expect.any(Date) } });
    expect(found.report).toEqual((await getReportView(supervisor, 2025, "yuhai-town")).report);
    expect(Object.values(found.report.values).some((v) => v !== null)).toBe(true);
  });

  it("gets 'not found' for another unit, with the scope message", async () => {
    expect(await rejection(getReportForDownload(clerk, 2025, "hexi-town"))).toContain("不在您的管理范围内");
    expect(await rejection(getReportForDownload(clerk, 2025, E2E_OTHER_REGION.filer))).toContain("不在您的管理范围内");
  });

  it("gets 'not found' for a report not started or still a draft, told it can be downloaded once approved", async () => {
    expect(await rejection(getReportForDownload(clerk, 2026, "yuhai-town"))).toContain("尚未开始填报");
    await saveReportChanges(clerk, { unitCode: "yuhai-town", year: 2026, cells: [{ cell: "applications.new_received.natural_person", from: null, to: "3" }], narratives: [] });
    expect(await rejection(getReportForDownload(clerk, 2026, "yuhai-town"))).toContain("审核通过后才能下载");
  });
});

describe("supervisors and others", () => {
  it("a supervisor in scope downloads any existing report: approved, submitted, returned or draft", async () => {
    for (const [unit, year] of [["dept-education", 2025], ["dept-education", 2026], ["dept-natural-resources", 2026], ["wangtuan-town", 2026], ["yuhai-town", 2026]] as const) {
      const found = await getReportForDownload(supervisor, year, unit);
      expect(found.unit.code).toBe(unit);
    }
    expect(await rejection(getReportForDownload(supervisor, 2026, "hexi-town"))).toContain("尚未开始填报");
  });

  it("a supervisor of another region, an admin, an unknown unit or year: 'not found'", async () => {
    await rejection(getReportForDownload(outsider, 2025, "dept-education"));
    await rejection(getReportForDownload(admin, 2025, "dept-education"));
    await rejection(getReportForDownload(supervisor, 2025, "no-such-unit"));
    await rejection(getReportForDownload(supervisor, 1999, "dept-education"));
    await rejection(getReportForDownload(supervisor, 2025, E2E_OTHER_REGION.filer));
  });
});

describe("published reports", () => {
  it("carry the snapshot's version, date and correction note; the file name has the version", async () => {
    const unitId = (await reportRow("yuhai-town", 2025)).unitId;
    const [v1] = await handle.db.select().from(publications).where(and(eq(publications.unitId, unitId), eq(publications.year, 2025)));
    expect((await getReportForDownload(clerk, 2025, "yuhai-town")).meta).toEqual({ version: 1, publishedAt: v1!.publishedAt });
    await setStatus("yuhai-town", 2025, "correcting");
    expect(await rejection(getReportForDownload(clerk, 2025, "yuhai-town"))).toContain("正在更正");
    expect((await getReportForDownload(supervisor, 2025, "yuhai-town")).meta).toEqual({});
    const report = (await getReportForDownload(supervisor, 2025, "yuhai-town")).report;
    await handle.db.transaction(async (tx) => {
      await insertSnapshot(tx, { unitId: v1!.unitId, report, publisher: supervisor, correctionNote: "更正了表三的数字。", signoff: null, sourceLockVersion: null });
    });
    await setStatus("yuhai-town", 2025, "published");
    const found = await getReportForDownload(clerk, 2025, "yuhai-town");
    expect(found.meta).toEqual({ version: 2, publishedAt: expect.any(Date), correctionNote: "更正了表三的数字。" });
    const file = await buildReportFile("docx", found.report, found.meta);
    expect(file.fileName).toBe("同心县豫海镇人民政府2025年政府信息公开工作年度报告-v2.docx");
  });
});
