// The region roll-up on a fresh database: exact sums against rollupValues (元 and 万元 money), blanks, exclusion with
// a reason, staleness after a reopen and a re-approval, narratives with live figures, drill-down, scope, and a city
// rolling up two counties with nothing counted twice.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoReport } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { auditEvents, regionReports } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { getFillView } from "../../lib/dal/reports";
import { getReviewView } from "../../lib/dal/review";
import { getCountyView } from "../../lib/dal/rollup";
import { excludeUnit, includeUnit, refreshRollup, saveRegionNarratives } from "../../lib/dal/rollup-actions";
import { getCellContributions } from "../../lib/dal/rollup-drill";
import { approveReport, reopenReport, submitReport, warningsToExplain } from "../../lib/dal/transitions";
import { ConflictError, NotFoundError, StateError, ValidationError } from "../../lib/errors";
import { allCellValues, getFormat, rollupValues, validateReport } from "../../lib/report-format";
import { actorFor } from "../support/actors";
import { importParts, makeParts } from "../support/rollup-data";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let supervisor: Actor;
let clerk: Actor;
const F2021 = getFormat("2021");
const F2019 = getFormat("2019");
const FEE = "active_disclosure.admin_fees.amount";
const PROCUREMENT = "active_disclosure.gov_procurement.total_amount";

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  supervisor = await actorFor(handle.db, "supervisor");
  clerk = await actorFor(handle.db, "clerk");
});
afterAll(async () => handle.close());

const audits = async (action: string) => (await handle.db.select().from(auditEvents).where(eq(auditEvents.action, action))).length;

describe("the roll-up equals the independent sum of the unit reports", () => {
  it("2021 format: every input cell exact, 万元 money beyond double precision, blanks stay blank only when blank everywhere", async () => {
    const parts = makeParts(F2021, 2025, DEMO_FILERS.slice(0, 6), {
      [FEE]: ["99999999999.999999", "0.000001", "12.3456", null, "7", "0.5"],
      "applications.other_other.research": [null, null, null, null, null, null],
      "applications.other_other.commercial": [null, "3", null, null, null, null],
    });
    await importParts(handle.db, parts);
    await refreshRollup(supervisor, { year: 2025 });
    const view = await getCountyView(supervisor, 2025);
    expect(view.report!.values).toEqual(rollupValues(F2021, parts));
    expect(view.report!.values[FEE]).toBe("100000000019.8456");
    expect(view.report!.values["applications.other_other.research"]).toBeNull();
    expect(view.report!.values["applications.other_other.commercial"]).toBe("3");
    expect(view.contributors.filter((c) => c.state === "included").map((c) => c.code)).toEqual(parts.map((p) => p.unit.code));
    expect(view.contributors.filter((c) => c.state === "missing")).toHaveLength(DEMO_FILERS.length - 6);
    expect(view.stale).toBeNull();
    // Totals are recomputed and the rules run on the result (the parts are arbitrary, so T3-BAL may fail: it is reported).
    expect(view.cellValues["applications.new_received.total"]).toBe(allCellValues(F2021, rollupValues(F2021, parts))["applications.new_received.total"]);
    // No 2024 roll-up exists here, so the rules run without a previous year: the same list as running them directly.
    const independent = validateReport({ formatVersion: "2021", year: 2025, unit: { code: view.region.code, name: view.region.name }, narratives: {}, values: rollupValues(F2021, parts) });
    expect(independent.length).toBeGreaterThan(0); // empty narratives at least are reported
    expect(view.issues.map((i) => [i.rule, i.severity, i.cell])).toEqual(independent.map((i) => [i.rule, i.severity, i.cell]));
    expect(await audits("rollup.create")).toBe(1);
  });

  it("2019 format: 采购总金额 in 元 summed exactly, signed 本年增/减 too", async () => {
    const parts = makeParts(F2019, 2020, DEMO_FILERS.slice(0, 4), {
      [PROCUREMENT]: ["1234567.89", "0.01", "999999999999.99", "100"],
      "active_disclosure.admin_licensing.change": ["-3", "5", "-10", "0"],
    });
    await importParts(handle.db, parts);
    await refreshRollup(supervisor, { year: 2020 });
    const view = await getCountyView(supervisor, 2020);
    expect(view.report!.values).toEqual(rollupValues(F2019, parts));
    expect(view.report!.values[PROCUREMENT]).toBe("1000001234667.89");
    expect(view.report!.values["active_disclosure.admin_licensing.change"]).toBe("-8");
  });
});

describe("exclusion", () => {
  it("needs a reason, changes the sums, is audited, and can be undone", async () => {
    const before = (await getCountyView(supervisor, 2025)).report!.values;
    await expect(excludeUnit(supervisor, { year: 2025, unitCode: DEMO_FILERS[1]!.code, reason: " " })).rejects.toBeInstanceOf(ValidationError);
    await expect(excludeUnit(supervisor, { year: 2025, unitCode: "no-such-unit", reason: "不存在" })).rejects.toBeInstanceOf(NotFoundError);
    await excludeUnit(supervisor, { year: 2025, unitCode: DEMO_FILERS[1]!.code, reason: "该单位已撤并，数据并入豫海镇。" });
    const view = await getCountyView(supervisor, 2025);
    const excluded = view.contributors.find((c) => c.code === DEMO_FILERS[1]!.code)!;
    expect(excluded).toMatchObject({ state: "excluded", exclusion: { reason: "该单位已撤并，数据并入豫海镇。", byName: supervisor.displayName } });
    const rest = makeParts(F2021, 2025, DEMO_FILERS.slice(0, 6), {
      [FEE]: ["99999999999.999999", "0.000001", "12.3456", null, "7", "0.5"],
      "applications.other_other.research": [null, null, null, null, null, null],
      "applications.other_other.commercial": [null, "3", null, null, null, null],
    }).filter((p) => p.unit.code !== DEMO_FILERS[1]!.code);
    expect(view.report!.values).toEqual(rollupValues(F2021, rest));
    expect(view.report!.values[FEE]).toBe("100000000019.845599");
    expect(view.report!.values["applications.other_other.commercial"]).toBeNull();
    expect(view.stale).toBeNull();
    expect(await audits("rollup.exclude")).toBe(1);

    await includeUnit(supervisor, { year: 2025, unitCode: DEMO_FILERS[1]!.code });
    expect((await getCountyView(supervisor, 2025)).report!.values).toEqual(before);
    expect(await audits("rollup.include")).toBe(1);
  });
});

describe("staleness", () => {
  const unit = DEMO_FILERS.find((u) => u.code === "yuhai-town")!;
  const report = generateDemoReport(unit, 2026, null).report;
  const CELL = "applications.granted.natural_person";
  const OTHER = "applications.partially_granted.natural_person";

  it("reopening an included unit makes the county report stale; re-approving a change shows what would change", async () => {
    await importParts(handle.db, [report, generateDemoReport(DEMO_FILERS[0]!, 2026, null).report]);
    await refreshRollup(supervisor, { year: 2026 });
    const rolled = await getCountyView(supervisor, 2026);
    expect(rolled.stale).toBeNull();

    await reopenReport(supervisor, { unitCode: unit.code, year: 2026, reason: "请核对予以公开数。" });
    const reopened = await getCountyView(supervisor, 2026);
    expect(reopened.stale?.units).toEqual([{ code: unit.code, name: unit.name, why: "现为「已退回」，不再计入" }]);
    // The stored roll-up is still shown as it was until refreshed.
    expect(reopened.report!.values).toEqual(rolled.report!.values);
    expect(reopened.stale!.changes.length).toBeGreaterThan(0);

    // The clerk moves one application from 予以公开 to 部分公开 and resubmits; the supervisor approves.
    const fill = await getFillView(clerk, 2026);
    const granted = fill.report.values[CELL]!;
    const partial = fill.report.values[OTHER]!;
    await saveReportChanges(clerk, {
      unitCode: unit.code,
      year: 2026,
      cells: [
        { cell: CELL, from: granted, to: String(Number(granted) - 1) },
        { cell: OTHER, from: partial, to: String(Number(partial) + 1) },
      ],
      narratives: [],
    });
    const lockVersion = (await getFillView(clerk, 2026)).lockVersion;
    const warnings = warningsToExplain((await getReviewView(supervisor, 2026, unit.code)).issues);
    const explanations = warnings.map((w) => ({ rule: w.rule, cell: w.cell, text: "已核实。" }));
    await submitReport(clerk, { unitCode: unit.code, year: 2026, lockVersion, explanations });
    await approveReport(supervisor, { unitCode: unit.code, year: 2026, lockVersion });
    const changed = await getCountyView(supervisor, 2026);
    expect(changed.stale?.units).toEqual([{ code: unit.code, name: unit.name, why: "汇总后报表有修改" }]);
    const toValue = (n: string, d: number) => String(Number(n) + d);
    // The two cells and their row totals; the column totals do not move.
    const was = rolled.cellValues;
    const row = (cell: string) => cell.replace(/[a-z_]+$/, "total");
    expect(changed.stale!.changes).toEqual([
      { cell: CELL, from: was[CELL], to: toValue(was[CELL]!, -1) },
      { cell: row(CELL), from: was[row(CELL)], to: toValue(was[row(CELL)]!, -1) },
      { cell: OTHER, from: was[OTHER], to: toValue(was[OTHER]!, 1) },
      { cell: row(OTHER), from: was[row(OTHER)], to: toValue(was[row(OTHER)]!, 1) },
    ]);

    await refreshRollup(supervisor, { year: 2026 });
    const refreshed = await getCountyView(supervisor, 2026);
    expect(refreshed.stale).toBeNull();
    expect(refreshed.report!.values[CELL]).toBe(toValue(rolled.report!.values[CELL]!, -1));
  });

  it("once the county report is published, a unit report can no longer be reopened and the roll-up is frozen", async () => {
    await handle.db.update(regionReports).set({ status: "published" }).where(eq(regionReports.year, 2026));
    await expect(reopenReport(supervisor, { unitCode: unit.code, year: 2026, reason: "再核对一次。" })).rejects.toThrow("汇总报告已发布");
    await expect(refreshRollup(supervisor, { year: 2026 })).rejects.toBeInstanceOf(StateError);
    await handle.db.update(regionReports).set({ status: "draft" }).where(eq(regionReports.year, 2026));
  });
});

describe("narratives with live figures, drill-down", () => {
  it("a token shows the county value and follows it; stale lock versions and unknown cells are refused", async () => {
    const view = await getCountyView(supervisor, 2025);
    const s1 = "全年新收政府信息公开申请 {{applications.new_received.total}} 件，收费 {{active_disclosure.admin_fees.amount}} 万元。";
    const { lockVersion } = await saveRegionNarratives(supervisor, { year: 2025, lockVersion: view.lockVersion, narratives: { s1 } });
    await expect(saveRegionNarratives(supervisor, { year: 2025, lockVersion: view.lockVersion, narratives: { s1: "旧" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(saveRegionNarratives(supervisor, { year: 2025, lockVersion, narratives: { s1: "{{applications.nothing.total}}" } })).rejects.toBeInstanceOf(ValidationError);
    const saved = await getCountyView(supervisor, 2025);
    expect(saved.narratives.s1).toBe(s1);
    const received = saved.cellValues["applications.new_received.total"]!;
    expect(saved.report!.narratives.s1).toBe(`全年新收政府信息公开申请 ${received} 件，收费 100000000019.8456 万元。`);
    // NARR-NUM checks the printed text: a live figure cannot disagree with the table.
    expect(saved.issues.filter((i) => i.rule === "NARR-NUM")).toEqual([]);

    await excludeUnit(supervisor, { year: 2025, unitCode: DEMO_FILERS[0]!.code, reason: "测试排除后文字跟随。" });
    const after = await getCountyView(supervisor, 2025);
    const now = after.cellValues["applications.new_received.total"]!;
    expect(now).not.toBe(received);
    expect(after.report!.narratives.s1).toContain(`申请 ${now} 件`);
    await includeUnit(supervisor, { year: 2025, unitCode: DEMO_FILERS[0]!.code });
  });

  it("drilling into a cell lists each included unit's value; they and the kind subtotals add up to the county value", async () => {
    const view = await getCountyView(supervisor, 2025);
    for (const cell of [FEE, "applications.new_received.total", "applications.results_total.total"]) {
      const drill = await getCellContributions(supervisor, { year: 2025, cell });
      expect(drill.rows.map((r) => r.code)).toEqual(DEMO_FILERS.slice(0, 6).map((u) => u.code));
      expect(drill.sum).toBe(view.cellValues[cell]);
      expect(drill.countyValue).toBe(view.cellValues[cell]);
      expect(drill.stale).toBe(false);
      expect(drill.subtotals.map((s) => s.label)).toEqual(["政府办公室", "乡镇"]);
      for (const s of view.subtotals) expect(s.values[cell]).toBe(drill.subtotals.find((d) => d.kind === s.kind)!.value);
    }
    await expect(getCellContributions(supervisor, { year: 2025, cell: "applications.x.y" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("scope", () => {
  it("only a supervisor sees the region's roll-up; another region or a clerk gets not found", async () => {
    await expect(getCountyView(clerk, 2025)).rejects.toBeInstanceOf(NotFoundError);
    await expect(refreshRollup(clerk, { year: 2025 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCountyView(supervisor, 2025, "yuhai-town")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCellContributions(clerk, { year: 2025, cell: FEE })).rejects.toBeInstanceOf(NotFoundError);
  });
});
