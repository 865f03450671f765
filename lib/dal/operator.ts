// Operator-level data access for the command line and the seed (a trusted terminal, not a web request):
// import historical reports, export reports, list units. Never imported by app/.
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { reportCells, reportImports, reportNarratives, reportingYears, unitReports, units } from "@/db/schema";
import { AppError, NotFoundError, StateError } from "@/lib/errors";
import { getFormat, type Issue, type ParsedInterchange, type ReportData } from "@/lib/report-format";
import { recordAudit } from "./audit";
import { insertSnapshot } from "./publications";
import { loadReportData, STATUS_LABELS, type ReportStatus } from "./reports";
import { loadUnitTree, UNIT_KIND_LABELS } from "./units";

export const CLI_ACTOR = { id: null, displayName: "（命令行）" };

export class ImportRefusedError extends AppError {
  constructor(message: string) {
    super(message, "forbidden_state");
  }
}

export interface ImportOptions {
  year: number;
  unitCode: string;
  status: Extract<ReportStatus, "approved" | "published">;
  replace: boolean;
  /** Where the file came from (path), kept with the import record. */
  source: string;
  /** The document exactly as read, kept with the import record. */
  document: unknown;
}

/**
 * Loads a parsed interchange document as a unit's report (also into a closed year), with the file and its issues.
 * Refuses, changing nothing, when the year, format or unit do not fit, or a report exists and replace is not set.
 */
export async function importReport(db: Db, parsed: ParsedInterchange, opts: ImportOptions): Promise<{ reportId: number; replaced: boolean }> {
  const { report } = parsed;
  if (report.year !== opts.year) {
    throw new ImportRefusedError(`文件中的年度为 ${report.year}，与 --year ${opts.year} 不一致。 / The file is for ${report.year}, not ${opts.year}.`);
  }
  return db.transaction(async (tx) => {
    const [year] = await tx.select().from(reportingYears).where(eq(reportingYears.year, opts.year));
    if (!year) throw new ImportRefusedError(`系统中没有 ${opts.year} 年度，请先由管理员开设该年度。 / Year ${opts.year} does not exist.`);
    if (year.formatVersion !== report.formatVersion) {
      throw new ImportRefusedError(
        `文件为 ${report.formatVersion} 年版格式，而 ${opts.year} 年度使用 ${year.formatVersion} 年版格式。 / ` +
          `The file uses format ${report.formatVersion}; year ${opts.year} uses ${year.formatVersion}.`,
      );
    }
    const [unit] = await tx.select().from(units).where(eq(units.code, opts.unitCode));
    if (!unit) throw new ImportRefusedError(`没有代码为 ${opts.unitCode} 的单位。 / No unit with code ${opts.unitCode}.`);
    if (unit.kind === "region") {
      throw new ImportRefusedError(`${unit.name} 是汇总区域，不单独填报年报。 / ${opts.unitCode} is a region: its report is a roll-up.`);
    }
    // Like the year: a file naming another unit is the wrong file, not this unit's report.
    if (report.unit.code !== unit.code) {
      throw new ImportRefusedError(
        `文件中的单位代码为 ${report.unit.code}（${report.unit.name}），与 --unit ${opts.unitCode} 不一致，未做任何修改。 / ` +
          `The file is the report of ${report.unit.code}, not ${opts.unitCode}; nothing was changed.`,
      );
    }
    const [existing] = await tx
      .select()
      .from(unitReports)
      .where(and(eq(unitReports.year, opts.year), eq(unitReports.unitId, unit.id)));
    if (existing && !opts.replace) {
      throw new ImportRefusedError(
        `${unit.name} ${opts.year} 年度已有年报（${STATUS_LABELS[existing.status]}），未做任何修改；如需覆盖请加 --replace。 / ` +
          `A report already exists; nothing was changed. Add --replace to overwrite it.`,
      );
    }
    if (existing?.status === "published") {
      throw new ImportRefusedError(`已发布的年报不能被覆盖。 / A published report cannot be replaced.`);
    }
    const now = new Date();
    let reportId: number;
    if (existing) {
      reportId = existing.id;
      await tx.delete(reportCells).where(eq(reportCells.reportId, reportId));
      await tx.delete(reportNarratives).where(eq(reportNarratives.reportId, reportId));
      await tx
        .update(unitReports)
        .set({ status: opts.status, lockVersion: existing.lockVersion + 1, updatedAt: now, statusChangedAt: now, updatedBy: null, statusChangedBy: null })
        .where(eq(unitReports.id, reportId));
    } else {
      const [row] = await tx
        .insert(unitReports)
        .values({ year: opts.year, unitId: unit.id, status: opts.status, lockVersion: 1, statusChangedAt: now })
        .returning({ id: unitReports.id });
      reportId = row!.id;
    }
    await writeReportContent(tx, reportId, report);
    if (opts.status === "published") {
      // A historical report loaded as published gets its snapshot v1 like any publication.
      await insertSnapshot(tx, { unitId: unit.id, report, publisher: CLI_ACTOR, correctionNote: null, signoff: null, sourceLockVersion: null });
    }
    await tx.insert(reportImports).values({
      reportId,
      source: opts.source,
      document: opts.document as object,
      issues: parsed.issues,
    });
    await recordAudit(tx, {
      actor: CLI_ACTOR,
      action: existing ? "report.import_replaced" : "report.imported",
      targetType: "unit_report",
      targetId: reportId,
      unitId: unit.id,
      summary: `导入 ${unit.name} ${opts.year} 年度年报（${STATUS_LABELS[opts.status]}，来源 ${opts.source}，${countText(parsed.issues)}）`,
    });
    return { reportId, replaced: Boolean(existing) };
  });
}

function countText(issues: Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  return `${errors} 个错误、${issues.length - errors} 个警告`;
}

/** Writes every input cell (blank as NULL) and the narratives of a report that has none yet. */
export async function writeReportContent(db: Db | Tx, reportId: number, report: ReportData): Promise<void> {
  const format = getFormat(report.formatVersion);
  const rows = format.inputCells.map((c) => ({ reportId, cell: c.address, value: report.values[c.address] ?? null }));
  if (rows.length) await db.insert(reportCells).values(rows);
  const narratives = Object.entries(report.narratives)
    .filter(([, body]) => typeof body === "string")
    .map(([section, body]) => ({ reportId, section, body: body as string }));
  if (narratives.length) await db.insert(reportNarratives).values(narratives);
}

export interface UnitListing {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  parent: string | null;
  active: boolean;
}

export async function listAllUnits(db: Db): Promise<UnitListing[]> {
  const tree = await loadUnitTree(db);
  const codeById = new Map(tree.map((u) => [u.id, u.code]));
  return tree.map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind],
    parent: u.parentId === null ? null : (codeById.get(u.parentId) ?? null),
    active: u.active,
  }));
}

/** The reports of a year (optionally one unit), in unit order, restricted to the given statuses. */
export async function exportReports(db: Db, opts: { year: number; unitCode?: string; statuses: ReportStatus[] }): Promise<ReportData[]> {
  const [year] = await db.select().from(reportingYears).where(eq(reportingYears.year, opts.year));
  if (!year) throw new NotFoundError(`系统中没有 ${opts.year} 年度。 / Year ${opts.year} does not exist.`);
  const rows = await db
    .select({ report: unitReports, unit: units })
    .from(unitReports)
    .innerJoin(units, eq(units.id, unitReports.unitId))
    .where(
      and(
        eq(unitReports.year, opts.year),
        inArray(unitReports.status, opts.statuses),
        opts.unitCode ? eq(units.code, opts.unitCode) : undefined,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(units.id));
  if (opts.unitCode && rows.length === 0) {
    throw new StateError(`${opts.unitCode} 在 ${opts.year} 年度没有可导出的年报。 / No exportable report for ${opts.unitCode} in ${opts.year}.`);
  }
  const formatVersion = year.formatVersion === "2019" ? "2019" : "2021";
  const out: ReportData[] = [];
  for (const { report, unit } of rows) {
    out.push(await loadReportData(db, report.id, { year: opts.year, formatVersion, unit: { code: unit.code, name: unit.name } }));
  }
  return out;
}
