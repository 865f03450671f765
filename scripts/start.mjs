// `npm start`: applies migrations, then serves the production build. Never loads demo data.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

if (!process.env.AUTH_SECRET) {
  console.error(
    "生产环境必须设置 AUTH_SECRET（例如 `openssl rand -base64 32`）。\nAUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).",
  );
  process.exit(1);
}
if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("还没有生产构建：请先运行 `npm run build`。\nNo production build yet: run `npm run build` first.");
  process.exit(1);
}
const migrate = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/migrate.ts"], { stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);
// Next's request handler behind the public page cache (scripts/server.ts); PORT and HOST choose where it listens.
const server = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts")], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
