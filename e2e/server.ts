// Starts the production build for the e2e suite on a fresh database: a new PGlite directory, or a new
// database on the PostgreSQL server named by DATABASE_URL. Seeds the demo data plus a few test-only users.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed-demo";
import { requireSignoffFor2025, seedE2eOtherRegion, seedE2eUsers } from "./fixtures/e2e-users";

const port = process.argv[2] ?? "3100";
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", AUTH_SECRET: crypto.randomBytes(32).toString("base64url") };
let cleanup = async () => {};

if (process.env.DATABASE_URL) {
  const name = `nianbao_e2e_${process.pid}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-e2e-"));
  env.PGLITE_DIR = process.env.PGLITE_DIR = path.join(dir, "pglite");
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const handle = await openDatabase();
await migrateDatabase(handle);
await seedDemo(handle.db);
await seedE2eUsers(handle.db);
await seedE2eOtherRegion(handle.db);
await requireSignoffFor2025(handle.db);
await handle.close();

// The production server as `npm start` runs it: Next behind the public page cache.
const server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts")], {
  env: { ...env, PORT: port, HOST: "127.0.0.1" },
  stdio: "inherit",
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await cleanup();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
server.on("exit", (code) => {
  if (!stopping) {
    void cleanup().then(() => process.exit(code ?? 1));
  }
});
