// Opens the database: embedded PGlite (file-backed, one process per directory) or PostgreSQL via postgres.js.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; every DAL function that writes accepts one so transitions stay atomic. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `嵌入式数据库 ${dir} 正被另一个进程（PID ${pid}）使用，同一数据目录只能由一个进程打开。` +
        `请先停止该进程（例如正在运行的应用服务器），或设置 DATABASE_URL 改用 PostgreSQL。\n` +
        `The embedded database ${dir} is in use by process ${pid}; only one process may open it. ` +
        `Stop that process (e.g. the running app server) or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export function defaultPgliteDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite"));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PGlite does not lock its directory itself; two writers would corrupt it, so we take a pid lock file. */
function acquireLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DatabaseLockedError(dir, holder);
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export async function openPglite(dir: string, opts: { lock?: boolean } = {}): Promise<DatabaseHandle> {
  const release = opts.lock === false ? () => {} : acquireLock(dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const client = await PGlite.create({ dataDir: dir });
    return wrapPglite(client, dir, release);
  } catch (err) {
    release();
    throw err;
  }
}

export function wrapPglite(client: PGlite, location: string, release: () => void = () => {}): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location,
    async close() {
      await client.close();
      release();
    },
  };
}

export function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  const safe = new URL(url);
  safe.password = "";
  return {
    db,
    kind: "postgres",
    location: safe.toString(),
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/** Opens the database the environment names: DATABASE_URL, else PGlite under PGLITE_DIR. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(defaultPgliteDir());
}

const globalKey = Symbol.for("nianbao.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

/** The app's process-wide database, opened on first use (never at import, so `next build` never opens it). */
export function getDatabase(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= openDatabase().catch((err: unknown) => {
    delete g[globalKey];
    throw err;
  });
  return g[globalKey];
}

/** Lets tests and scripts supply the database the app functions use. */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  const g = globalThis as GlobalWithDb;
  if (handle) g[globalKey] = Promise.resolve(handle);
  else delete g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
