// Reporting-year administration on a fresh database: open with format and deadlines, change deadlines and the
// sign-off step, close (the clerk's report becomes read-only, saves refused), reopen with a reason; refused for others.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditEvents, reportingYears } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { getFillView } from "../../lib/dal/reports";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { closeYear, openYear, reopenYear, updateYear } from "../../lib/dal/year-admin";
import { getYear } from "../../lib/dal/years";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let admin: Actor;
let supervisor: Actor;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  admin = await actorFor(handle.db, "admin");
  supervisor = await actorFor(handle.db, "supervisor");
  clerk = await actorFor(handle.db, "clerk");
});
afterAll(async () => handle.close());

const deadlines = { unitDeadline: "2028-01-31", countyDeadline: "2028-02-20" };

describe("years", () => {
  it("a supervisor or clerk calling the year operations directly gets 'not found' and nothing changes", async () => {
    for (const actor of [supervisor, clerk]) {
      await expect(openYear(actor, { year: 2027, ...deadlines })).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateYear(actor, { year: 2026, ...deadlines, signoffRequired: "on" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(closeYear(actor, { year: 2026 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(reopenYear(actor, { year: 2025, reason: "误关闭" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await handle.db.select().from(reportingYears).where(eq(reportingYears.year, 2027))).length).toBe(0);
    expect((await getYear(2026)).status).toBe("open");
  });

  it("opens a year with the format of its year by default, the deadlines and the sign-off switch; audited", async () => {
    await openYear(admin, { year: "2027", formatVersion: "", ...deadlines, signoffRequired: "on" });
    expect(await getYear(2027)).toEqual({ year: 2027, formatVersion: "2021", ...deadlines, status: "open", signoffRequired: true });
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "year.opened"));
    expect(event!.summary).toContain("2021 年版格式");
  });

  it("refuses an existing year, a year before 2019, deadlines within the year or in the wrong order, a bad date", async () => {
    await expect(openYear(admin, { year: 2026, ...deadlines })).rejects.toBeInstanceOf(ConflictError);
    await expect(openYear(admin, { year: 2018, ...deadlines })).rejects.toThrow("不能早于 2019");
    await expect(openYear(admin, { year: 2028, unitDeadline: "2028-12-01", countyDeadline: "2029-01-01" })).rejects.toThrow("应在 2028 年之后");
    await expect(openYear(admin, { year: 2028, unitDeadline: "2029-02-01", countyDeadline: "2029-01-01" })).rejects.toThrow("不能早于单位报送截止日期");
    await expect(openYear(admin, { year: 2028, unitDeadline: "2029-02-30", countyDeadline: "2029-03-01" })).rejects.toBeInstanceOf(ValidationError);
    await expect(openYear(admin, { year: 2028, formatVersion: "2030", ...deadlines })).rejects.toThrow("请选择报告格式");
  });

  it("changes deadlines and switches the sign-off step off", async () => {
    await updateYear(admin, { year: 2027, unitDeadline: "2028-01-25", countyDeadline: "2028-02-20" });
    expect(await getYear(2027)).toMatchObject({ unitDeadline: "2028-01-25", signoffRequired: false });
    await expect(updateYear(admin, { year: 2030, unitDeadline: "2031-01-31", countyDeadline: "2031-02-20" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("closing makes the clerk's report read-only and refuses saves; reopening needs a reason", async () => {
    expect((await getFillView(clerk, 2027)).editable).toBe(true);
    await closeYear(admin, { year: 2027 });
    const view = await getFillView(clerk, 2027);
    expect(view).toMatchObject({ editable: false, yearOpen: false });
    await expect(
      saveReportChanges(clerk, { unitCode: "yuhai-town", year: 2027, cells: [{ cell: "applications.new_received.natural_person", from: null, to: "1" }], narratives: [] }),
    ).rejects.toBeInstanceOf(StateError);
    await expect(closeYear(admin, { year: 2027 })).rejects.toThrow("已经关闭");
    await expect(reopenYear(admin, { year: 2027, reason: "" })).rejects.toThrow("请写明重新开放的原因");
    await reopenYear(admin, { year: 2027, reason: "误关闭，恢复填报" });
    expect((await getFillView(clerk, 2027)).editable).toBe(true);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetType, "year"));
    expect(events.map((e) => e.action)).toEqual(["year.opened", "year.updated", "year.closed", "year.reopened"]);
    expect(events[3]!.summary).toContain("误关闭，恢复填报");
  });
});
