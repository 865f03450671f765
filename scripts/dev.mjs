// `npm run dev`: prepares the embedded database with the demo data, prints the URL and the demo accounts,
// and starts Next.js in development mode.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const port = process.env.PORT ?? "3000";
const tsx = path.join("node_modules", ".bin", "tsx");

const seed = spawnSync(tsx, ["--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit" });
if (seed.status !== 0) {
  console.error("\n演示数据准备失败（见上方信息）。 / Preparing the demo data failed (see above).");
  process.exit(seed.status ?? 1);
}

const where = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite ${process.env.PGLITE_DIR ?? ".data/pglite"}`;
console.log(`
  年报 Nianbao is starting on ${where}

    URL:        http://localhost:${port}

    Demo accounts (password: nianbao-demo)
      clerk       填报员 · 同心县豫海镇人民政府
      supervisor  审核员 · 同心县
      admin       管理员

  The first page load compiles and takes a few seconds.
`);

const next = spawn(path.join("node_modules", ".bin", "next"), ["dev", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
