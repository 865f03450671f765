// The Excel round trip's access rules and dry run: who may download a unit's workbook, and what an uploaded one
// would change (old → new) and which issues the report would then have. Nothing here writes: applying goes through
// saveReportChanges like every other edit.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, StateError } from "@/lib/errors";
import { readReportWorkbook, type RefusedCell } from "@/lib/export/xlsx-read";
import { decimalCompare, getFormat, validateReport, type CellAddress, type Issue } from "@/lib/report-format";
import { getFillView, getReportView, type ReportView } from "./reports";

/** The report to put in a workbook: the unit's own clerk, or a supervisor in scope; anything else is "not found". */
export async function getReportForXlsx(actor: Actor, year: number, unitCode: string): Promise<ReportView> {
  if (actor.role === "clerk" && actor.unitCode !== unitCode) throw new NotFoundError("未找到该单位，或该单位不在您的管理范围内。");
  return getReportView(actor, year, unitCode);
}

export interface XlsxChange {
  cell: CellAddress;
  label: string;
  /** The value saved now (null = blank). */
  from: string | null;
  /** The canonical value from the workbook (null = blank). */
  to: string | null;
}

export interface XlsxDryRun {
  changes: XlsxChange[];
  refused: (RefusedCell & { label: string })[];
  /** The issues the report would have with the changes applied (previous year included when there is one). */
  issues: Issue[];
  lockVersion: number;
}

function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return decimalCompare(a, b) === 0;
}

/**
 * Reads an uploaded workbook for the clerk's own unit and lists what it would change. Refuses (XlsxImportError) a
 * damaged, foreign or misaddressed workbook; a report that is not editable is a StateError.
 */
export async function dryRunXlsxImport(actor: Actor, year: number, unitCode: string, bytes: Uint8Array): Promise<XlsxDryRun> {
  if (actor.role !== "clerk" || actor.unitCode !== unitCode) throw new NotFoundError("未找到该单位，或该单位不在您的管理范围内。");
  const view = await getFillView(actor, year);
  if (!view.editable) {
    throw new StateError(`本报表当前状态为“${view.statusLabel}”，不能导入。${view.status === "submitted" ? "如需修改，请先撤回。" : ""}`);
  }
  const format = getFormat(view.formatVersion);
  const read = await readReportWorkbook(bytes, {
    unitCode: view.unit.code,
    unitName: view.unit.name,
    year,
    formatVersion: view.formatVersion,
  });
  const current = view.report.values;
  const merged = { ...current };
  const changes: XlsxChange[] = [];
  for (const def of format.inputCells) {
    if (!(def.address in read.values)) continue;
    const to = read.values[def.address] ?? null;
    const from = current[def.address] ?? null;
    if (sameValue(from, to)) continue;
    changes.push({ cell: def.address, label: def.accessibleName, from, to });
    merged[def.address] = to;
  }
  const issues = validateReport({ ...view.report, values: merged }, view.previous ? { previous: view.previous } : {});
  return {
    changes,
    refused: read.refused.map((r) => ({ ...r, label: format.cell(r.cell)?.accessibleName ?? r.cell })),
    issues,
    lockVersion: view.lockVersion,
  };
}
