// `npm run cli -- create-admin` from the user's side, on a fresh, empty database (a new PGlite directory, or a new
// PostgreSQL database when DATABASE_URL is set): the first admin on a production install, no demo data anywhere.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "../../db/client";
import { auditEvents, units, users } from "../../db/schema";
import { verifyPassword } from "../../lib/auth/password";
import { passwordProblems } from "../../lib/auth/password-policy";
import { databaseUrlFor } from "../support/global-setup";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-cli-admin-"));
const SERVER_URL = process.env.DATABASE_URL;

let env: Record<string, string> = {};
let open: () => Promise<DatabaseHandle>;
let drop = async () => {};

beforeAll(async () => {
  if (SERVER_URL) {
    const name = `nianbao_cli_admin_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = databaseUrlFor(SERVER_URL, name);
    env = { DATABASE_URL: url };
    open = async () => openPostgres(url);
    drop = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dir = path.join(TMP, "pglite");
    env = { PGLITE_DIR: dir };
    open = () => openPglite(dir);
  }
});
afterAll(async () => {
  await drop();
  fs.rmSync(TMP, { recursive: true, force: true });
});

/** The CLI as a user runs it, with standard input a pipe (not a terminal), so the password is generated. */
function cli(...args: string[]) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  delete base.PGLITE_DIR;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    input: "",
    encoding: "utf8",
    timeout: 90_000,
  });
  if (run.error) throw run.error;
  return run;
}

describe("create-admin", () => {
  it("without a terminal: generates a policy-conforming password, prints it once on stdout, forces a change", async () => {
    const run = cli("create-admin", "county-admin", "--display-name", "县政务公开办 管理员");
    expect(run.stderr).toContain("已创建管理员 county-admin");
    expect(run.stderr).toContain("只显示这一次");
    expect(run.status).toBe(0);
    const password = run.stdout.trim();
    expect(run.stdout).toBe(`${password}\n`);
    expect(passwordProblems(password)).toEqual([]);

    const handle = await open();
    try {
      const [user] = await handle.db.select().from(users).where(eq(users.username, "county-admin"));
      expect(user).toMatchObject({ role: "admin", displayName: "县政务公开办 管理员", mustChangePassword: true, active: true, unitId: null, regionId: null });
      expect(await verifyPassword(user!.passwordHash, password)).toBe(true);
      // A production database: migrated, the one admin, no demo units or accounts.
      expect(await handle.db.select().from(users)).toHaveLength(1);
      expect(await handle.db.select().from(units)).toHaveLength(0);
      const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "admin.created"));
      expect(events.map((e) => [e.actorName, e.targetId])).toEqual([["（命令行）", String(user!.id)]]);
    } finally {
      await handle.close();
    }
  });

  it("refuses an existing user name in any case (exit 1) and an invalid one, changing nothing", async () => {
    const again = cli("create-admin", "County-Admin", "--generate");
    expect(again.status).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("用户 county-admin 已存在");
    expect(again.stderr).toContain("already exists");

    const bad = cli("create-admin", "no spaces");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("用户名只能用字母");

    const missing = cli("create-admin");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing USERNAME");

    const handle = await open();
    try {
      expect(await handle.db.select().from(users)).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});
