// `npm run db:migrate`: applies the migrations to the configured database.
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

const handle = await openDatabase();
try {
  await migrateDatabase(handle);
  console.error(`数据库迁移完成 / migrations applied (${handle.kind}: ${handle.location})`);
} finally {
  await handle.close();
}
