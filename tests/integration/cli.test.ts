// The command line from the user's side (docs/interchange.md §4): the real `scripts/cli.ts` in a child process,
// its standard output, standard error and exit code. Database commands run against a database of this file's own
// (a fresh PostgreSQL database when DATABASE_URL is set, else a fresh PGlite directory), seeded with the demo data.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asc, count, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle, type Db } from "../../db/client";
import { generateDemoSeries } from "../../db/demo-reports";
import { DEMO_FILERS, DEMO_REGION } from "../../db/demo-units";
import { migrateDatabase } from "../../db/migrate";
import { auditEvents, reportCells, reportImports, unitReports, units } from "../../db/schema";
import { seedDemo } from "../../db/seed-demo";
import { getFormat, parseInterchange, rollupValues, serializeInterchange, toCsv, type Issue } from "../../lib/report-format";
import { databaseUrlFor } from "../support/global-setup";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const QUIRKS = "tests/fixtures/quirks";
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-cli-"));
const SERVER_URL = process.env.DATABASE_URL;

// ---------------------------------------------------------------------------------------------------------------
// The database the child processes use, fresh for this file.

interface CliDatabase {
  /** What the children get: DATABASE_URL, or PGLITE_DIR (and no DATABASE_URL). */
  env: Record<string, string>;
  /** An in-process handle; with PGlite, close it before spawning a child that needs the database. */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

async function createCliDatabase(): Promise<CliDatabase> {
  if (SERVER_URL) {
    const name = `nianbao_cli_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = databaseUrlFor(SERVER_URL, name);
    return {
      env: { DATABASE_URL: url },
      open: async () => openPostgres(url),
      async drop() {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = path.join(TMP, "pglite");
  return {
    env: { PGLITE_DIR: dir },
    open: () => openPglite(dir),
    async drop() {},
  };
}

let database: CliDatabase | undefined;

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  // Commands that need no database still get one that is not the developer's .data/pglite.
  return { ...env, ...(database?.env ?? { PGLITE_DIR: path.join(TMP, "unused") }) };
}

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …`, exactly as a user runs it (tsx with the react-server condition), from the project root. */
function cli(...args: string[]): CliRun {
  return cliWith(childEnv(), ...args);
}

function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/cli.ts", ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function quirk(name: string): string {
  return `${QUIRKS}/${name}`;
}

function readQuirk(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, QUIRKS, name), "utf8")) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------------
// validate

interface ValidateResult {
  ok: boolean;
  errors: number;
  warnings: number;
  issues: Issue[];
}

type ExpectedIssue = Pick<Issue, "rule" | "severity"> & Partial<Pick<Issue, "cell" | "expected" | "found">>;

/** Runs the command, checks the exit code and that stdout is exactly one result; returns the issues without messages. */
function validated(args: string[], exit: number): { result: ValidateResult; issues: ExpectedIssue[] } {
  const run = cli(...args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(exit);
  const result = JSON.parse(run.stdout) as ValidateResult;
  expect(Object.keys(result)).toEqual(["ok", "errors", "warnings", "issues"]);
  for (const issue of result.issues) expect(issue.message).toMatch(/\p{Script=Han}/u);
  const issues = result.issues.map(({ rule, severity, cell, expected, found }) => ({ rule, severity, cell, expected, found }));
  return { result, issues };
}

const APPLICANT_COLUMNS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org"];

describe("validate", () => {
  it("（七）总计 printed as less than the result rows: T3-SUM per column, exit 1", () => {
    const { result, issues } = validated(["validate", quirk("results-total-mismatch-2019.json")], 1);
    expect(result).toMatchObject({ ok: false, errors: 2, warnings: 0 });
    expect(issues).toEqual([
      { rule: "T3-SUM", severity: "error", cell: "applications.results_total.natural_person", expected: "3", found: "2" },
      { rule: "T3-SUM", severity: "error", cell: "applications.results_total.total", expected: "4", found: "3" },
    ]);
    expect(result.issues[0]!.message).toContain("（七）总计");
  });

  it("行政复议 总计 printed 0 beside non-zero results: T4-REVIEW, exit 1", () => {
    const { result, issues } = validated(["validate", quirk("review-total-zero-2021.json")], 1);
    expect(result).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(issues).toEqual([{ rule: "T4-REVIEW", severity: "error", cell: "review_litigation.admin_review.total", expected: "4", found: "0" }]);
    expect(result.issues[0]!.message).toContain("行政复议");
  });

  it("blank 总计 cells are warnings only (GEN-FILLED): exit 0", () => {
    const { result, issues } = validated(["validate", quirk("blank-totals-2019.json")], 0);
    expect(result).toMatchObject({ ok: true, errors: 0, warnings: 3 });
    expect(issues).toEqual(
      ["applications.new_received.total", "applications.results_total.total", "review_litigation.admin_review.total"].map((cell) => ({
        rule: "GEN-FILLED",
        severity: "warning",
        cell,
      })),
    );
  });

  it("a 2021 report printing one （六）其他处理 row: GEN-STRUCT, the two rows it lacks are blank; exit 0", () => {
    const { result, issues } = validated(["validate", quirk("other-handling-2021.json")], 0);
    expect(result).toMatchObject({ ok: true, errors: 0, warnings: 13 });
    expect(issues).toEqual([
      { rule: "GEN-STRUCT", severity: "warning" },
      ...["other_no_correction", "other_fee_unpaid"].flatMap((row) =>
        APPLICANT_COLUMNS.map((column) => ({ rule: "GEN-FILLED", severity: "warning", cell: `applications.${row}.${column}` })),
      ),
    ]);
    expect(result.issues[0]!.message).toContain("3.其他");
  });

  it("“无” in count cells: GEN-INT with the text as found, and no GEN-FILLED besides; exit 1", () => {
    const { result, issues } = validated(["validate", quirk("text-in-count-2019.json")], 1);
    expect(result).toMatchObject({ ok: false, errors: 4, warnings: 0 });
    expect(issues).toEqual(
      ["upheld", "corrected", "other", "pending"].map((column) => ({
        rule: "GEN-INT",
        severity: "error",
        cell: `review_litigation.litigation_after_review.${column}`,
        found: "无",
      })),
    );
  });

  it("a negative count: GEN-INT, exit 1", () => {
    const { result, issues } = validated(["validate", quirk("negative-count-2021.json")], 1);
    expect(result).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(issues).toEqual([{ rule: "GEN-INT", severity: "error", cell: "active_disclosure.normative_documents.repealed", found: "-1" }]);
  });

  it("1.5 in a count: GEN-INT, exit 1", () => {
    const { result, issues } = validated(["validate", quirk("fractional-count-2021.json")], 1);
    expect(result).toMatchObject({ ok: false, errors: 1, warnings: 0 });
    expect(issues).toEqual([{ rule: "GEN-INT", severity: "error", cell: "active_disclosure.admin_coercion.decisions", found: "1.5" }]);
  });

  it("--previous checks 上年结转 against last year's report (X-CARRY); the file alone is clean", () => {
    const { result, issues } = validated(
      ["validate", quirk("carry-over-2020.json"), "--previous", quirk("wan-yuan-2019.json")],
      0,
    );
    expect(result).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(issues).toEqual([{ rule: "X-CARRY", severity: "warning", cell: "applications.carried_over.natural_person", expected: "1", found: "2" }]);
    // Without last year's report there is nothing to compare with (checked in-process: no second spawn needed).
    expect(parseInterchange(readQuirk("carry-over-2020.json")).issues).toEqual([]);
  });

  it("a JSON syntax error: exit 2, standard error names the line and column in Chinese and English", () => {
    const run = cli("validate", quirk("broken-syntax.json"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    // Line 60 lost its comma; the parser stops at the next property, line 61 column 4.
    expect(run.stderr).toContain("不是有效的 JSON：第 61 行第 4 列");
    expect(run.stderr).toContain("line 61, column 4");
    expect(run.stderr).toContain("is not valid JSON");
  });

  it("a file cut short: exit 2, standard error names where it ends", () => {
    const text = fs.readFileSync(path.join(ROOT, quirk("wan-yuan-2019.json")), "utf8");
    const cut = text.slice(0, text.indexOf('"applications":') + '"applications":'.length);
    const file = path.join(TMP, "truncated.json");
    fs.writeFileSync(file, cut);
    const lines = cut.split("\n");
    const run = cli("validate", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`第 ${lines.length} 行第 ${lines.at(-1)!.length + 1} 列`);
    expect(run.stderr).toContain(`line ${lines.length}, column ${lines.at(-1)!.length + 1}`);
  });

  it("JSON that is not a report: exit 2, standard error names the field in Chinese and English", () => {
    const run = cli("validate", quirk("not-a-report.json"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('不是年度报告文档：schema：schema 应为 "gov-open-report/v1"');
    expect(run.stderr).toContain('is not a report document: schema: schema must be "gov-open-report/v1"');
  });

  it("a file that cannot be read: exit 2", () => {
    const run = cli("validate", path.join(TMP, "no-such-file.json"));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("无法读取文件");
    expect(run.stderr).toContain("cannot read");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// units, import, export (in order: each test builds on the database state the one before left)

/** What a refused import must leave alone: the reports (with their versions), their cells, import records and audit log. */
async function snapshot(db: Db) {
  const reports = await db
    .select({
      id: unitReports.id,
      year: unitReports.year,
      unitId: unitReports.unitId,
      status: unitReports.status,
      lockVersion: unitReports.lockVersion,
      updatedAt: unitReports.updatedAt,
    })
    .from(unitReports)
    .orderBy(asc(unitReports.id));
  const [cells] = await db.select({ n: count() }).from(reportCells);
  const [imports] = await db.select({ n: count() }).from(reportImports);
  const [audit] = await db.select({ n: count() }).from(auditEvents);
  return { reports, cells: cells!.n, imports: imports!.n, audit: audit!.n };
}

/** RFC 4180 with CRLF records, as interchange.md §5 writes them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || record.length) throw new Error("CSV does not end with CRLF");
  return records;
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

const FORMULA_NAME = '=HYPERLINK("https://example.com","同心县统计局")';

describe("units, import and export against a fresh database", () => {
  let seeded: Snapshot;

  beforeAll(async () => {
    database = await createCliDatabase();
    const handle = await database.open();
    try {
      await migrateDatabase(handle);
      await seedDemo(handle.db);
      seeded = await snapshot(handle.db);
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    await database?.drop();
    database = undefined;
  });

  it("units prints the county and its 33 filers with code, name, kind and parent", () => {
    const run = cli("units");
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout) as { code: string; name: string; kind: string; parent: string | null }[];
    expect(listed).toHaveLength(34);
    expect(listed.map(({ code, name, kind, parent }) => ({ code, name, kind, parent }))).toEqual([
      { code: DEMO_REGION.code, name: DEMO_REGION.name, kind: "region", parent: null },
      ...DEMO_FILERS.map((f) => ({ code: f.code, name: f.name, kind: f.kind, parent: DEMO_REGION.code })),
    ]);
  });

  it("import over the seeded 2019 report is refused without --replace (exit 1)", () => {
    const run = cli("import", quirk("wan-yuan-2019.json"), "--year", "2019", "--unit", "tongxin-gov-office");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("同心县人民政府办公室 2019 年度已有年报");
    expect(run.stderr).toContain("如需覆盖请加 --replace");
    expect(run.stderr).toContain("A report already exists; nothing was changed. Add --replace to overwrite it.");
  });

  it("a 2019-format document is refused for 2024 (a 2021-format year), even with --replace", () => {
    const run = cli("import", quirk("old-format-2024.json"), "--year", "2024", "--unit", "tongxin-gov-office", "--replace");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("文件为 2019 年版格式，而 2024 年度使用 2021 年版格式");
    expect(run.stderr).toContain("The file uses format 2019; year 2024 uses 2021.");
  });

  it("an unknown unit is refused (exit 1)", () => {
    const run = cli("import", quirk("wan-yuan-2019.json"), "--year", "2019", "--unit", "no-such-unit");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("没有代码为 no-such-unit 的单位");
    expect(run.stderr).toContain("No unit with code no-such-unit.");
  });

  it("the region is refused: its report is a roll-up (exit 1)", () => {
    const run = cli("import", quirk("wan-yuan-2019.json"), "--year", "2019", "--unit", "tongxin", "--replace");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("同心县 是汇总区域");
    expect(run.stderr).toContain("tongxin is a region");
  });

  it("a file naming another unit is refused, even with --replace (exit 1)", () => {
    const run = cli("import", quirk("other-unit-2019.json"), "--year", "2019", "--unit", "tongxin-gov-office", "--replace");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("文件中的单位代码为 yuhai-town");
    expect(run.stderr).toContain("The file is the report of yuhai-town, not tongxin-gov-office; nothing was changed.");
  });

  it("the refused imports changed nothing", async () => {
    const handle = await database!.open();
    try {
      expect(await snapshot(handle.db)).toEqual(seeded);
      // For the CSV test below: a unit name a spreadsheet would run as a formula.
      await handle.db.update(units).set({ name: FORMULA_NAME }).where(eq(units.code, "dept-statistics"));
    } finally {
      await handle.close();
    }
  });

  it("while another process holds the PGlite directory, import fails with exit 1 and says so", async () => {
    // Always on an embedded directory of its own (also when the rest of this file runs on PostgreSQL).
    const dir = path.join(TMP, "held-pglite");
    const handle = await openPglite(dir);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
      delete env.DATABASE_URL;
      const run = cliWith(env, "import", quirk("wan-yuan-2019.json"), "--year", "2019", "--unit", "tongxin-gov-office", "--replace");
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`正被另一个进程（PID ${process.pid}）使用`);
      expect(run.stderr).toContain(`is in use by process ${process.pid}; only one process may open it.`);
    } finally {
      await handle.close();
    }
  });

  it("a published report is never replaced, even with --replace (exit 1)", () => {
    // The seed published the county office's 2019 report.
    const run = cli("import", quirk("wan-yuan-2019.json"), "--year", "2019", "--unit", "tongxin-gov-office", "--replace");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("已发布的年报不能被覆盖");
  });

  /** The same file as another unit's (which has no 2019 report yet). */
  function asHexi(): string {
    const doc = readQuirk("wan-yuan-2019.json");
    doc.unit = { code: "hexi-town", name: "同心县河西镇人民政府" };
    const file = path.join(TMP, "hexi-2019.json");
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    return file;
  }

  it("import loads a new report, and --replace loads it again (exit 0), printing its validation result", () => {
    const first = cli("import", asHexi(), "--year", "2019", "--unit", "hexi-town");
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("已导入 hexi-town 2019 年度年报");
    const again = cli("import", asHexi(), "--year", "2019", "--unit", "hexi-town", "--replace");
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, errors: 0, warnings: 0, issues: [] });
    expect(again.stderr).toContain("已覆盖 hexi-town 2019 年度年报");
  });

  it("export gives the imported document back, 采购总金额 converted exactly from 万元 to 元", () => {
    const run = cli("export", "--year", "2019", "--unit", "hexi-town", "--format", "json");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("Exported 1 report(s).");
    const imported = readQuirk("wan-yuan-2019.json");
    imported.unit = { code: "hexi-town", name: "同心县河西镇人民政府" };
    const active = imported.active_disclosure as Record<string, Record<string, unknown>>;
    expect(active.gov_procurement!.total_amount).toEqual({ value: "25.1", unit: "万元" });
    active.gov_procurement!.total_amount = { value: "251000", unit: "元" };
    // Every other cell, the totals (the file's are right) and the texts come back as imported, keys in file order.
    expect(JSON.parse(run.stdout)).toStrictEqual(imported);
    expect(run.stdout).toBe(`${JSON.stringify(imported, null, 2)}\n`);
  });

  it("export --format csv: BOM, the §5 header, one row per cell per report, text columns guarded", () => {
    const run = cli("export", "--year", "2025", "--format", "csv");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Exported ${DEMO_FILERS.length} report(s).`);
    expect(run.stdout.startsWith("\uFEFFyear,unit_code,unit_name,format_version,table,row,column,label,value,unit\r\n")).toBe(true);
    const [header, ...rows] = parseCsv(run.stdout.slice(1));
    expect(header).toEqual(["year", "unit_code", "unit_name", "format_version", "table", "row", "column", "label", "value", "unit"]);
    expect(getFormat("2021").cells).toHaveLength(200);
    expect(rows).toHaveLength(33 * 200);
    const perUnit = new Map<string, number>();
    for (const row of rows) {
      expect(row).toHaveLength(10);
      expect([row[0], row[3]]).toEqual(["2025", "2021"]);
      perUnit.set(row[1]!, (perUnit.get(row[1]!) ?? 0) + 1);
    }
    expect([...perUnit]).toEqual(DEMO_FILERS.map((f) => [f.code, 200]));

    const statistics = rows.filter((row) => row[1] === "dept-statistics");
    expect(new Set(statistics.map((row) => row[2]))).toEqual(new Set([`'${FORMULA_NAME}`]));
    expect(run.stdout).toContain(`,"'=HYPERLINK(""https://example.com"",""同心县统计局"")",`);
    expect(rows.find((row) => row[1] === "dept-statistics" && row[6] === "amount")?.[9]).toBe("万元");

    // The figures are the generated 2025 demo reports, unchanged through the database.
    const expected = DEMO_FILERS.map((unit) => {
      const report = generateDemoSeries(unit, [2024, 2025])[1]!;
      return unit.code === "dept-statistics" ? { ...report, unit: { ...report.unit, name: FORMULA_NAME } } : report;
    });
    expect(run.stdout).toBe(toCsv(expected));
  });

  it("rollup prints the county's roll-up of the approved 2025 reports: each cell the exact sum of the 33 reports", () => {
    const run = cli("rollup", "--year", "2025");
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`计入 ${DEMO_FILERS.length} 个，未审核通过（或下级未汇总）0 个，排除 0 个`);
    const parsed = parseInterchange(JSON.parse(run.stdout));
    expect(parsed.report.unit).toEqual({ code: DEMO_REGION.code, name: DEMO_REGION.name });
    const parts = DEMO_FILERS.map((unit) => generateDemoSeries(unit, [2024, 2025])[1]!);
    expect(parsed.report.values).toEqual(rollupValues(getFormat("2021"), parts));
    expect(run.stdout).toBe(`${JSON.stringify(serializeInterchange(parsed.report), null, 2)}\n`);
  });

  it("rollup of 2026 leaves out the reports not yet approved and names them on standard error", () => {
    const run = cli("rollup", "--year", "2026", "--root", DEMO_REGION.code);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("未计入 / missing: yuhai-town");
    expect(run.stderr).not.toContain("未计入 / missing: dept-audit");
  });

  it("rollup refuses a filer as root or an unknown one (exit 1) and a malformed year (exit 2)", () => {
    const filer = cli("rollup", "--year", "2025", "--root", "yuhai-town");
    expect([filer.status, filer.stdout]).toEqual([1, ""]);
    expect(filer.stderr).toContain("不是汇总区域");
    expect(cli("rollup", "--year", "2025", "--root", "nowhere").status).toBe(1);
    expect(cli("rollup", "--year", "25").status).toBe(2);
  });
});

afterAll(() => {
  fs.rmSync(TMP, { recursive: true, force: true });
});
