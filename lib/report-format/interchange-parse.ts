// parseInterchange: reads a gov-open-report/v1 document, keeping historical quirks and reporting each as an issue.

import { getFormat, isFormatVersion, isFrozenFormat } from "./formats";
import { InterchangeError, isPlainObject, readCell, type CellSideEffects } from "./interchange-cell";
import { sortIssues } from "./rule-context";
import type { CellAddress, CellDef, CellValues, FormatDef, Issue, NarrativeId, ReportData, TableId } from "./types";
import { validateReport } from "./validate";

export const SCHEMA = "gov-open-report/v1";
export const NARRATIVE_IDS: readonly NarrativeId[] = ["preamble", "s1", "s5", "s6"];
const OTHER_2021 = ["other_no_correction", "other_fee_unpaid", "other_other"];

export interface ParsedInterchange {
  report: ReportData;
  issues: Issue[];
  printedTotals: Record<CellAddress, string | null>;
  invalidCells: Record<CellAddress, string>;
  conversions: { cell: CellAddress; from: string; to: string }[];
  /** "raw" texts as printed, kept with the import. */
  raw: Record<CellAddress, string>;
}

function fail(path: string, zh: string, en: string): never {
  throw new InterchangeError(path, zh, en);
}

function structIssue(message: string): Issue {
  return { rule: "GEN-STRUCT", severity: "warning", message };
}

function readUnit(input: Record<string, unknown>): ReportData["unit"] {
  const unit = input.unit;
  if (!isPlainObject(unit)) fail("unit", "缺少 unit（单位）对象", "unit must be an object {code, name}");
  const field = (key: "code" | "name"): string => {
    const value = unit[key];
    if (typeof value !== "string" || value.trim() === "") {
      fail(`unit.${key}`, `unit.${key} 应为非空文本`, `unit.${key} must be a non-empty string`);
    }
    return value;
  };
  return { code: field("code"), name: field("name") };
}

function readNarratives(input: Record<string, unknown>, issues: Issue[]): ReportData["narratives"] {
  const raw = input.narratives;
  if (raw === undefined || raw === null) return {};
  if (!isPlainObject(raw)) fail("narratives", "narratives 应为对象", "narratives must be an object");
  const narratives: ReportData["narratives"] = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(NARRATIVE_IDS as readonly string[]).includes(key)) {
      issues.push(structIssue(`文字部分“${key}”不是年度报告的组成部分（应为 preamble、s1、s5、s6），已忽略。`));
      continue;
    }
    if (value === null) continue;
    if (typeof value !== "string") fail(`narratives.${key}`, `narratives.${key} 应为文本`, `narratives.${key} must be a string`);
    narratives[key as NarrativeId] = value;
  }
  return narratives;
}

type CellTree = ReadonlyMap<TableId, ReadonlyMap<string, ReadonlyMap<string, CellDef>>>;
const cellTrees = new WeakMap<FormatDef, CellTree>();

/** The format's cells as table → row → column, in print order; built once per (frozen) format. */
function cellsByTable(format: FormatDef): CellTree {
  const cached = cellTrees.get(format);
  if (cached) return cached;
  const byTable = new Map<TableId, Map<string, Map<string, CellDef>>>();
  for (const cell of format.cells) {
    const rows = byTable.get(cell.table) ?? new Map<string, Map<string, CellDef>>();
    const columns = rows.get(cell.row) ?? new Map<string, CellDef>();
    columns.set(cell.column, cell);
    rows.set(cell.row, columns);
    byTable.set(cell.table, rows);
  }
  if (isFrozenFormat(format)) cellTrees.set(format, byTable);
  return byTable;
}

export function parseInterchange(input: unknown, opts: { previous?: ReportData } = {}): ParsedInterchange {
  if (!isPlainObject(input)) fail("", "不是年度报告文档（应为 JSON 对象）", "not a report document (expected a JSON object)");
  if (input.schema !== SCHEMA) {
    fail("schema", `schema 应为 "${SCHEMA}"`, `schema must be "${SCHEMA}"`);
  }
  const version = input.format_version;
  if (!isFormatVersion(version)) {
    fail("format_version", 'format_version 应为 "2019" 或 "2021"', 'format_version must be "2019" or "2021"');
  }
  const year = input.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1 || year > 9999) {
    fail("year", "year 应为整数年份，如 2024", "year must be an integer such as 2024");
  }
  const unit = readUnit(input);
  const structIssues: Issue[] = [];
  const narratives = readNarratives(input, structIssues);
  const format = getFormat(version);

  const byTable = cellsByTable(format);

  const values: CellValues = {};
  const printedTotals: Record<CellAddress, string | null> = {};
  const invalidCells: Record<CellAddress, string> = {};
  const effects: CellSideEffects = { conversions: [], raw: {} };

  for (const [table, rows] of byTable) {
    const rawTable = input[table];
    if (!isPlainObject(rawTable)) fail(table, `${table} 表应为对象`, `${table} must be an object`);
    const entries = new Map<string, { key: string; value: unknown }>();
    let mapped = false;
    for (const [key, value] of Object.entries(rawTable)) {
      if (rows.has(key)) {
        entries.set(key, { key, value });
      } else if (
        version === "2021" &&
        table === "applications" &&
        key === "other_handling" &&
        !OTHER_2021.some((r) => r in rawTable)
      ) {
        entries.set("other_other", { key, value });
        mapped = true;
        structIssues.push(
          structIssue(
            "本报告为 2021 年格式，但“（六）其他处理”只有一行（2019 年格式）。已将该行计入“3.其他”，" +
              "“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”两行为空白，请按 2021 年格式核对。",
          ),
        );
      } else {
        structIssues.push(structIssue(`${table} 表中的“${key}”行不属于 ${version} 年格式，已忽略。`));
      }
    }
    for (const [row, columns] of rows) {
      const entry = entries.get(row);
      if (!entry) {
        const coveredByMapping = mapped && OTHER_2021.includes(row);
        if (!coveredByMapping) {
          const label = columns.values().next().value?.rowLabel ?? row;
          structIssues.push(structIssue(`${table} 表缺少“${row}”行（${label}），按空白处理。`));
        }
        for (const cell of columns.values()) if (cell.kind !== "total") values[cell.address] = null;
        continue;
      }
      const rowPath = `${table}.${entry.key}`;
      if (!isPlainObject(entry.value)) fail(rowPath, `${rowPath} 应为对象`, `${rowPath} must be an object`);
      for (const key of Object.keys(entry.value)) {
        if (!columns.has(key)) structIssues.push(structIssue(`${rowPath} 中的“${key}”列不属于 ${version} 年格式，已忽略。`));
      }
      for (const [column, cell] of columns) {
        const read = readCell(cell, entry.value[column], `${rowPath}.${column}`, effects);
        if (cell.kind === "total") {
          if (read.kind === "blank") printedTotals[cell.address] = null;
          else if (read.kind === "value") printedTotals[cell.address] = read.value;
          else if (read.kind === "invalid") invalidCells[cell.address] = read.text;
          continue;
        }
        values[cell.address] = read.kind === "value" ? read.value : null;
        if (read.kind === "invalid") invalidCells[cell.address] = read.text;
      }
    }
  }

  const report: ReportData = { formatVersion: version, year, unit, narratives, values };
  const issues = sortIssues(format, [
    ...structIssues,
    ...validateReport(report, { printedTotals, invalidCells, previous: opts.previous }),
  ]);
  return { report, issues, printedTotals, invalidCells, conversions: effects.conversions, raw: effects.raw };
}
