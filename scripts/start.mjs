// `npm start`: applies migrations, then serves the production build. Never loads demo data.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

if (!process.env.AUTH_SECRET) {
  console.error(
    "生产环境必须设置 AUTH_SECRET（例如 `openssl rand -base64 32`）。\nAUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).",
  );
  process.exit(1);
}
const migrate = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/migrate.ts"], { stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);
const next = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", process.env.PORT ?? "3000"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
