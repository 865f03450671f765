// A fresh, migrated database for one test file, installed as the app's database (see db/client setDatabase).
import crypto from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { openPostgres, setDatabase, wrapPglite, type DatabaseHandle } from "../../db/client";
import { databaseUrlFor } from "./global-setup";

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  const pgTemplate = inject("postgresTemplate");
  let handle: DatabaseHandle;
  if (serverUrl && pgTemplate) {
    const name = `nianbao_t_${crypto.randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    const inner = openPostgres(databaseUrlFor(serverUrl, name));
    handle = {
      ...inner,
      async close() {
        await inner.close();
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  } else {
    const dump = fs.readFileSync(inject("pgliteTemplate"));
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    handle = wrapPglite(client, "memory");
  }
  setDatabase(handle);
  return handle;
}
