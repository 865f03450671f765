// `npm run cli -- <command>`: units, validate, import, export, rollup (docs/interchange.md §4), create-admin.
// Results go to standard output; every message goes to standard error, in Chinese and English.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { DatabaseLockedError, openDatabase, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { exportReports, importReport, ImportRefusedError, listAllUnits } from "../lib/dal/operator";
import { rollupForCli } from "../lib/dal/operator-rollup";
import { assertNoSuchUser, checkAdminName, createAdminAccount } from "../lib/dal/operator-admin";
import { AppError } from "../lib/errors";
import {
  countBySeverity,
  InterchangeError,
  parseInterchange,
  serializeInterchange,
  toCsv,
  type Issue,
} from "../lib/report-format";
import { obtainPassword, PromptCancelled } from "./admin-password";

const USAGE = `用法 / usage:
  npm run cli -- units
  npm run cli -- validate FILE [--previous FILE]
  npm run cli -- import FILE --year Y --unit CODE [--status approved|published] [--replace]
  npm run cli -- export --year Y [--unit CODE] --format json|csv [--all]
  npm run cli -- rollup --year Y [--root CODE]
  npm run cli -- create-admin USERNAME [--display-name NAME] [--generate]`;

/** Exit codes: 0 done, 1 refused or the report has errors, 2 unreadable input or bad usage. */
class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function usage(message: string): never {
  throw new CliExit(2, `${message}\n\n${USAGE}`);
}

/** Reads and parses a JSON file, naming the line and column of a syntax error. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new CliExit(2, `无法读取文件 ${file}：${(err as Error).message} / cannot read ${file}`);
  }
  text = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    // V8 names the offset ("… at position 57"), except for a file that ends too early (truncated or empty).
    const position = /Unexpected end of JSON input/.test(message) ? text.length : Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    let where = "";
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split("\n");
      where = `第 ${before.length} 行第 ${before.at(-1)!.length + 1} 列 / line ${before.length}, column ${before.at(-1)!.length + 1}: `;
    }
    throw new CliExit(2, `${file} 不是有效的 JSON：${where}${message} / ${file} is not valid JSON`);
  }
}

function parseDocument(file: string, previous?: ReturnType<typeof parseInterchange>["report"]) {
  const document = readJson(file);
  try {
    return { document, parsed: parseInterchange(document, previous ? { previous } : {}) };
  } catch (err) {
    if (err instanceof InterchangeError) {
      throw new CliExit(2, `${file} 不是年度报告文档：${err.path || "（文档）"}：${err.messageZh}\n${file} is not a report document: ${err.path || "(document)"}: ${err.messageEn}`);
    }
    throw err;
  }
}

function result(issues: Issue[]) {
  const { errors, warnings } = countBySeverity(issues);
  return { ok: errors === 0, errors, warnings, issues };
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

async function withDatabase<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase();
  } catch (err) {
    if (err instanceof DatabaseLockedError) throw new CliExit(1, err.message);
    throw err;
  }
  try {
    await migrateDatabase(handle);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function parseYear(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) usage("--year 应为四位年份，如 2024 / --year must be a four-digit year");
  return Number(raw);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      previous: { type: "string" },
      year: { type: "string" },
      unit: { type: "string" },
      status: { type: "string" },
      replace: { type: "boolean", default: false },
      format: { type: "string" },
      all: { type: "boolean", default: false },
      root: { type: "string" },
      "display-name": { type: "string" },
      generate: { type: "boolean", default: false },
    },
  });

  switch (command) {
    case "units": {
      print(await withDatabase((h) => listAllUnits(h.db)));
      return 0;
    }
    case "validate": {
      const file = positionals[0] ?? usage("缺少文件名 / missing FILE");
      const previous = values.previous ? parseDocument(values.previous).parsed.report : undefined;
      const { parsed } = parseDocument(file, previous);
      const out = result(parsed.issues);
      print(out);
      return out.ok ? 0 : 1;
    }
    case "import": {
      const file = positionals[0] ?? usage("缺少文件名 / missing FILE");
      const year = parseYear(values.year);
      const unitCode = values.unit ?? usage("缺少 --unit / missing --unit CODE");
      const status = values.status ?? "approved";
      if (status !== "approved" && status !== "published") usage(`--status 应为 approved 或 published / --status must be approved or published (got ${status})`);
      const { document, parsed } = parseDocument(file);
      const out = result(parsed.issues);
      await withDatabase(async (h) => {
        const { replaced } = await importReport(h.db, parsed, { year, unitCode, status, replace: values.replace, source: file, document });
        console.error(`${replaced ? "已覆盖" : "已导入"} ${unitCode} ${year} 年度年报（${out.errors} 个错误、${out.warnings} 个警告）。 / ${replaced ? "Replaced" : "Imported"}.`);
      });
      print(out);
      return 0;
    }
    case "export": {
      const year = parseYear(values.year);
      const format = values.format ?? "json";
      if (format !== "json" && format !== "csv") usage("--format 应为 json 或 csv / --format must be json or csv");
      const statuses = values.all
        ? (["draft", "submitted", "returned", "approved", "published", "correcting"] as const)
        : (["approved", "published"] as const);
      const reports = await withDatabase((h) => exportReports(h.db, { year, unitCode: values.unit, statuses: [...statuses] }));
      if (format === "csv") process.stdout.write(toCsv(reports));
      else print(values.unit ? serializeInterchange(reports[0]!) : reports.map(serializeInterchange));
      console.error(`导出 ${reports.length} 份年报。 / Exported ${reports.length} report(s).`);
      return 0;
    }
    case "rollup": {
      const year = parseYear(values.year);
      const { report, contributors } = await withDatabase((h) => rollupForCli(h.db, { year, rootCode: values.root }));
      print(serializeInterchange(report));
      const count = (state: string) => contributors.filter((c) => c.state === state).length;
      console.error(
        `汇总 ${report.unit.name} ${year} 年度：计入 ${count("included")} 个，未审核通过（或下级未汇总）${count("missing")} 个，排除 ${count("excluded")} 个。 / ` +
          `Rolled up ${report.unit.code} ${year}: ${count("included")} included, ${count("missing")} missing, ${count("excluded")} excluded.`,
      );
      for (const c of contributors.filter((c) => c.state !== "included")) {
        console.error(`  ${c.state === "excluded" ? "排除 / excluded" : "未计入 / missing"}: ${c.code} ${c.name}（${c.exclusion ? c.exclusion.reason : c.statusLabel}）`);
      }
      return 0;
    }
    case "create-admin": {
      const names = checkAdminName(positionals[0] ?? usage("缺少用户名 / missing USERNAME"), values["display-name"] ?? "系统管理员");
      await withDatabase(async (h) => {
        // Refuse before asking for a password that would be thrown away.
        await assertNoSuchUser(h.db, names.username);
        const obtained = await obtainPassword(values.generate);
        if ("refused" in obtained) throw new CliExit(1, obtained.refused);
        await createAdminAccount(h.db, { ...names, ...obtained });
        console.error(`已创建管理员 ${names.username}。 / Administrator ${names.username} created.`);
        if (obtained.generated) {
          console.error("初始密码如下，只显示这一次；首次登录时须修改。 / The initial password follows; it is shown once and must be changed at first sign-in.");
          process.stdout.write(`${obtained.password}\n`);
        }
      });
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
      console.error(USAGE);
      return command === undefined ? 2 : 0;
    default:
      return usage(`未知命令 ${command} / unknown command ${command}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof CliExit) {
    console.error(err.message);
    process.exitCode = err.code;
  } else if (err instanceof PromptCancelled) {
    console.error("已取消，未创建。 / Cancelled; nothing was created.");
    process.exitCode = 130;
  } else if (err instanceof ImportRefusedError || err instanceof AppError) {
    console.error(err.message);
    process.exitCode = 1;
  } else if (err instanceof TypeError && (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(err);
    process.exitCode = 1;
  }
}
