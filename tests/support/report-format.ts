// Builders shared by the tests: rule-clean reports, fixture copies and issue filters (not part of the public API).

import blank2019 from "@/lib/report-format/fixtures/blank-2019.json";
import blank2021 from "@/lib/report-format/fixtures/blank-2021.json";
import tongxin2019 from "@/lib/report-format/fixtures/tongxin-2019.json";
import { getFormat } from "@/lib/report-format/formats";
import type { CellAddress, FormatVersion, Issue, ReportData } from "@/lib/report-format/types";

const FIXTURES = { "blank-2019": blank2019, "blank-2021": blank2021, "tongxin-2019": tongxin2019 };
export type FixtureName = keyof typeof FIXTURES;

type Rows = Record<string, Record<string, unknown>>;
export interface FixtureDoc {
  narratives: Record<string, string>;
  active_disclosure: Rows;
  applications: Rows;
  review_litigation: Rows;
  [key: string]: unknown;
}

/** A deep, mutable copy of a fixture document, as JSON.parse would return it. */
export function fixture(name: FixtureName): FixtureDoc {
  return JSON.parse(JSON.stringify(FIXTURES[name])) as FixtureDoc;
}

export function setCell(doc: FixtureDoc, table: "active_disclosure" | "applications" | "review_litigation", row: string, column: string, value: unknown): void {
  doc[table][row] = { ...doc[table][row], [column]: value };
}

export const CLEAN_NARRATIVES = {
  s1: "本年度工作总体平稳。",
  s5: "存在的问题已整改。",
  s6: "本年度未收取信息处理费。",
};

/** Every input cell 0 (a rule-clean report), with some cells overridden. */
export function zeroReport(
  version: FormatVersion,
  overrides: Record<CellAddress, string | null> = {},
  extra: Partial<ReportData> = {},
): ReportData {
  const format = getFormat(version);
  const values: Record<CellAddress, string | null> = {};
  for (const cell of format.inputCells) values[cell.address] = "0";
  for (const [address, value] of Object.entries(overrides)) {
    if (!format.cell(address) || format.cell(address)?.kind === "total") throw new Error(`not an input cell: ${address}`);
    values[address] = value;
  }
  return {
    formatVersion: version,
    year: version === "2019" ? 2019 : 2021,
    unit: { code: "test-unit", name: "测试单位" },
    narratives: { ...CLEAN_NARRATIVES },
    values,
    ...extra,
  };
}

export function ofRule(issues: Issue[], rule: string): Issue[] {
  return issues.filter((issue) => issue.rule === rule);
}

/** The comparable part of an issue (everything but the message). */
export function brief(issue: Issue): Omit<Issue, "message"> {
  return Object.fromEntries(Object.entries(issue).filter(([key]) => key !== "message")) as Omit<Issue, "message">;
}
