// drizzle-kit configuration: generates SQL migrations from db/schema.ts (never applies them; see scripts/migrate.ts).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
});
