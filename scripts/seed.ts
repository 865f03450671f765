// `npm run db:seed`: migrates, then loads the demo county and its demo reports (idempotent).
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed-demo";

const handle = await openDatabase();
try {
  await migrateDatabase(handle);
  const summary = await seedDemo(handle.db);
  console.error(`演示数据已就绪 / demo data ready (${handle.kind}: ${handle.location}): ${summary}`);
} finally {
  await handle.close();
}
