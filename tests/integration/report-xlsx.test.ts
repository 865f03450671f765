// The Excel round trip's DAL: who may download which unit's workbook, the dry run (old → new, issues with last
// year's report, refusals that change nothing), and applying its changes through the conflict-safe save.
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { generateDemoSeries } from "../../db/demo-reports";
import { DEMO_FILERS } from "../../db/demo-units";
import { unitReports, units } from "../../db/schema";
import { seedDemoBase } from "../../db/seed";
import type { Actor } from "../../lib/auth/policy";
import { importReport } from "../../lib/dal/operator";
import { dryRunXlsxImport, getReportForXlsx } from "../../lib/dal/report-xlsx";
import { getFillView } from "../../lib/dal/reports";
import { saveReportChanges } from "../../lib/dal/report-edit";
import { NotFoundError, StateError } from "../../lib/errors";
import { XlsxImportError } from "../../lib/export/xlsx-read";
import { META_SHEET, REPORT_SHEET } from "../../lib/export/xlsx-meta";
import { buildReportWorkbook } from "../../lib/export/xlsx-report";
import { parseInterchange, serializeInterchange } from "../../lib/report-format";
import { actorFor } from "../support/actors";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let clerk: Actor;
let supervisor: Actor;
let admin: Actor;
const A = "applications.new_received.natural_person";
const CARRIED = "applications.carried_over.natural_person";
const yuhai = DEMO_FILERS.find((u) => u.code === "yuhai-town")!;
const [, lastYear] = generateDemoSeries(yuhai, [2024, 2025]);

/** A workbook downloaded by the actor, with some input cells set the way a person would in Excel. */
async function filledWorkbook(actor: Actor, unitCode: string, set: Record<string, number | string | null>): Promise<Uint8Array> {
  const view = await getReportForXlsx(actor, 2026, unitCode);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReportWorkbook(view.report, new Date())) as unknown as ArrayBuffer);
  const refs = new Map<string, string>();
  wb.getWorksheet(META_SHEET)!.eachRow((row) => refs.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  const sheet = wb.getWorksheet(REPORT_SHEET)!;
  for (const [address, value] of Object.entries(set)) sheet.getCell(refs.get(address)!).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function reportStatus(unitCode: string): Promise<string | undefined> {
  const [row] = await handle.db
    .select({ status: unitReports.status })
    .from(unitReports)
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(and(eq(units.code, unitCode), eq(unitReports.year, 2026)));
  return row?.status;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoBase(handle.db);
  // Last year's approved report, for the cross-year checks of the dry run.
  const document = serializeInterchange(lastYear!);
  await importReport(handle.db, parseInterchange(document), { year: 2025, unitCode: "yuhai-town", status: "approved", replace: false, source: "test", document });
  [clerk, supervisor, admin] = await Promise.all(["clerk", "supervisor", "admin"].map((u) => actorFor(handle.db, u)));
});
afterAll(async () => handle.close());

describe("download scope", () => {
  it("the unit's own clerk and a supervisor in scope; anyone else gets 'not found'", async () => {
    expect((await getReportForXlsx(clerk, 2026, "yuhai-town")).unit.code).toBe("yuhai-town");
    expect((await getReportForXlsx(supervisor, 2026, "hexi-town")).unit.code).toBe("hexi-town");
    await expect(getReportForXlsx(clerk, 2026, "hexi-town")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportForXlsx(admin, 2026, "yuhai-town")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportForXlsx(supervisor, 2026, "no-such-unit")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReportForXlsx(clerk, 1999, "yuhai-town")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("dry run and apply", () => {
  it("lists old → new and the issues the report would have, and writes nothing", async () => {
    const wrongCarry = String(Number(lastYear!.values["applications.carry_forward.natural_person"]) + 1);
    const bytes = await filledWorkbook(clerk, "yuhai-town", { [A]: 12, [CARRIED]: wrongCarry, "applications.granted.research": "1.5" });
    const run = await dryRunXlsxImport(clerk, 2026, "yuhai-town", bytes);
    expect(run.changes).toEqual([
      { cell: A, label: "一、本年新收政府信息公开申请数量 自然人", from: null, to: "12" },
      { cell: CARRIED, label: "二、上年结转政府信息公开申请数量 自然人", from: null, to: wrongCarry },
    ]);
    expect(run.refused).toEqual([expect.objectContaining({ cell: "applications.granted.research", text: "1.5", message: expect.stringContaining("不能填小数") })]);
    expect(run.issues.some((i) => i.rule === "X-CARRY" && i.cell === CARRIED)).toBe(true);
    expect(run.issues.some((i) => i.rule === "T3-BAL" && i.severity === "error")).toBe(true);
    expect(run.lockVersion).toBe(0);
    expect(await reportStatus("yuhai-town")).toBeUndefined();
  });

  it("applies through the conflict-safe save; a cell changed since the dry run comes back as a conflict", async () => {
    const bytes = await filledWorkbook(clerk, "yuhai-town", { [A]: 12, [CARRIED]: 3 });
    const run = await dryRunXlsxImport(clerk, 2026, "yuhai-town", bytes);
    // Someone saves A meanwhile (another tab).
    await saveReportChanges(clerk, { unitCode: "yuhai-town", year: 2026, cells: [{ cell: A, from: null, to: "9" }], narratives: [] });
    const result = await saveReportChanges(clerk, {
      unitCode: "yuhai-town",
      year: 2026,
      cells: run.changes.map((c) => ({ cell: c.cell, from: c.from, to: c.to ?? "" })),
      narratives: [],
    });
    expect(result.applied).toEqual([{ cell: CARRIED, value: "3" }]);
    expect(result.conflicts).toEqual([expect.objectContaining({ cell: A, theirs: "9" })]);
    const again = await dryRunXlsxImport(clerk, 2026, "yuhai-town", bytes);
    expect(again.changes).toEqual([{ cell: A, label: expect.any(String), from: "9", to: "12" }]);
    expect(again.lockVersion).toBe(result.lockVersion);
  });

  it("a blank cell in the workbook clears the saved value (blank is not 0)", async () => {
    const bytes = await filledWorkbook(clerk, "yuhai-town", { [CARRIED]: null });
    const run = await dryRunXlsxImport(clerk, 2026, "yuhai-town", bytes);
    expect(run.changes).toEqual([{ cell: CARRIED, label: expect.any(String), from: "3", to: null }]);
  });
});

describe("dry run refusals", () => {
  it("only the unit's own clerk may import: a supervisor or another unit is 'not found'", async () => {
    const bytes = await filledWorkbook(clerk, "yuhai-town", { [A]: 1 });
    await expect(dryRunXlsxImport(supervisor, 2026, "yuhai-town", bytes)).rejects.toBeInstanceOf(NotFoundError);
    await expect(dryRunXlsxImport(clerk, 2026, "hexi-town", bytes)).rejects.toBeInstanceOf(NotFoundError);
    await expect(dryRunXlsxImport(admin, 2026, "yuhai-town", bytes)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("another unit's workbook and a damaged file are refused, naming the problem", async () => {
    const hexi = await filledWorkbook(supervisor, "hexi-town", { [A]: 77 });
    await expect(dryRunXlsxImport(clerk, 2026, "yuhai-town", hexi)).rejects.toSatisfy(
      (err) => err instanceof XlsxImportError && err.reason === "other_unit" && err.message.includes("同心县河西镇人民政府"),
    );
    await expect(dryRunXlsxImport(clerk, 2026, "yuhai-town", new Uint8Array(1000).fill(7))).rejects.toSatisfy(
      (err) => err instanceof XlsxImportError && err.reason === "damaged",
    );
  });

  it("a report that is not editable (submitted) is refused with what to do", async () => {
    const bytes = await filledWorkbook(clerk, "yuhai-town", { [A]: 1 });
    const report = await getFillView(clerk, 2026);
    await handle.db.update(unitReports).set({ status: "submitted" }).where(and(eq(unitReports.year, 2026), eq(unitReports.unitId, report.unit.id)));
    await expect(dryRunXlsxImport(clerk, 2026, "yuhai-town", bytes)).rejects.toSatisfy((err) => err instanceof StateError && err.message.includes("请先撤回"));
  });
});
