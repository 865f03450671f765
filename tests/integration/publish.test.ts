// Publication on a fresh database: frozen snapshots the database itself protects, one version per double click,
// corrections as v2 with a note while v1 stays byte-identical, sign-off when the year requires it, portal links.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoReport } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { publicationLinks, publications, reportingYears } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { addPortalLink, contentHash, getPublishedReport, listPublications, recordSignoff } from "../../lib/dal/publications";
import { getFillView } from "../../lib/dal/reports";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { approveReport, publishReport, startCorrection, submitReport } from "../../lib/dal/transitions";
import { NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let clerk: Actor;
let supervisor: Actor;
const T = { unitCode: "yuhai-town", year: 2026 };
const full = generateDemoReport(DEMO_FILERS.find((u) => u.code === "yuhai-town")!, 2026, null).report;
const CELL = "active_disclosure.admin_licensing.decisions";

async function lv() {
  return (await getFillView(clerk, 2026)).lockVersion;
}
async function databaseError(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (err) {
    return (err as { cause?: { message?: string } }).cause?.message ?? String(err);
  }
  return "no error";
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  clerk = await actorFor(handle.db, "clerk");
  supervisor = await actorFor(handle.db, "supervisor");
  const cells = Object.entries(full.values).map(([cell, to]) => ({ cell, from: null, to: to ?? "" }));
  const narratives = (["preamble", "s1", "s5", "s6"] as const).map((s) => ({ section: s, from: "", to: full.narratives[s]! }));
  await saveReportChanges(clerk, { ...T, cells, narratives });
  await submitReport(clerk, { ...T, lockVersion: await lv(), explanations: [] });
  await approveReport(supervisor, { ...T, lockVersion: await lv() });
});
afterAll(async () => handle.close());

describe("publishing", () => {
  it("needs the sign-off when the year requires it, then a double click makes exactly one version", async () => {
    await handle.db.update(reportingYears).set({ signoffRequired: true }).where(eq(reportingYears.year, 2026));
    const v = await lv();
    await expect(publishReport(supervisor, { ...T, lockVersion: v })).rejects.toThrow("保密审查");
    await recordSignoff(supervisor, { ...T, lockVersion: v, reviewerName: "王审查", note: "无涉密内容" });
    const [a, b] = await Promise.all([publishReport(supervisor, { ...T, lockVersion: v }), publishReport(supervisor, { ...T, lockVersion: v })]);
    expect([a.version, b.version]).toEqual([1, 1]);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    const rows = await handle.db.select().from(publications);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, correctionNote: null, signoff: expect.objectContaining({ reviewerName: "王审查" }) });
    expect(rows[0]!.contentHash).toBe(contentHash(rows[0]!.document));
    expect((await getFillView(clerk, 2026)).status).toBe("published");
    const published = await getPublishedReport("yuhai-town", 2026);
    expect(published?.report.values[CELL]).toBe(full.values[CELL]);
    await handle.db.update(reportingYears).set({ signoffRequired: false }).where(eq(reportingYears.year, 2026));
  });

  it("the database refuses UPDATE and DELETE on a snapshot", async () => {
    expect(await databaseError(handle.db.execute(sql`update publications set content_hash = 'x'`))).toMatch(/immutable/);
    expect(await databaseError(handle.db.execute(sql`delete from publications`))).toMatch(/immutable/);
    expect(await handle.db.select().from(publications)).toHaveLength(1);
  });

  it("a correction becomes v2 with its note; v1 stays byte-identical and readable", async () => {
    const [v1] = await handle.db.select().from(publications);
    const v1Json = v1!.document;
    await expect(startCorrection(supervisor, { ...T, reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await expect(startCorrection(clerk, { ...T, reason: "更正行政许可数" })).rejects.toBeInstanceOf(StateError);
    await startCorrection(supervisor, { ...T, reason: "行政许可处理决定数漏计，需更正。" });
    // While correcting, the public still sees v1.
    expect((await getPublishedReport("yuhai-town", 2026))?.version).toBe(1);
    const view = await getFillView(clerk, 2026);
    expect(view).toMatchObject({ status: "correcting", editable: true });
    const fixed = String(Number(full.values[CELL]) + 3);
    await saveReportChanges(clerk, { ...T, cells: [{ cell: CELL, from: full.values[CELL]!, to: fixed }], narratives: [] });
    await submitReport(clerk, { ...T, lockVersion: await lv(), explanations: [] });
    await approveReport(supervisor, { ...T, lockVersion: await lv() });
    await expect(publishReport(supervisor, { ...T, lockVersion: await lv() })).rejects.toThrow("更正说明");
    const result = await publishReport(supervisor, { ...T, lockVersion: await lv(), correctionNote: "行政许可处理决定数由漏计更正。" });
    expect(result).toEqual({ version: 2, repeated: false });
    const versions = await listPublications(view.unit.id, 2026);
    expect(versions.map((v) => [v.version, v.correctionNote])).toEqual([
      [2, "行政许可处理决定数由漏计更正。"],
      [1, null],
    ]);
    const [again] = await handle.db.select().from(publications).where(eq(publications.version, 1));
    expect(again!.document).toBe(v1Json);
    expect(again!.contentHash).toBe(v1!.contentHash);
    expect((await getPublishedReport("yuhai-town", 2026, 1))?.report.values[CELL]).toBe(full.values[CELL]);
    expect((await getPublishedReport("yuhai-town", 2026))?.report.values[CELL]).toBe(fixed);
  });

  it("records portal links on a version (supervisors in scope only)", async () => {
    const [v1] = await handle.db.select().from(publications).where(eq(publications.version, 1));
    await expect(addPortalLink(supervisor, { publicationId: v1!.id, url: "not a url" })).rejects.toBeInstanceOf(ValidationError);
    await expect(addPortalLink(clerk, { publicationId: v1!.id, url: "https://www.tongxin.gov.cn/a.html" })).rejects.toBeInstanceOf(NotFoundError);
    await addPortalLink(supervisor, { publicationId: v1!.id, url: "https://www.tongxin.gov.cn/zwgk/2027/a.html" });
    expect(await handle.db.select().from(publicationLinks)).toHaveLength(1);
  });
});
