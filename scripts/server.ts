// The production server (`npm start`, the e2e suite, the benchmark): Next's request handler, with the public page
// cache (lib/public-page-cache.ts) answering repeat visits to published reports before Next is entered.
// Settings: PORT (3000) and HOST (all interfaces).
import http from "node:http";
import { PublicPageCache } from "../lib/public-page-cache";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
if (process.env.NODE_ENV !== "production") {
  console.error("scripts/server.ts serves the production build only (NODE_ENV=production); use `npm run dev` to develop.");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
// Loaded after NODE_ENV is settled: Next reads it when its modules load.
const { default: next } = await import("next");
const app = next({ dev: false, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const cache = new PublicPageCache().register();

const server = http.createServer((req, res) => {
  void Promise.resolve(cache.handle(req, res, handle)).catch((err: unknown) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("error", (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === "EADDRINUSE"
      ? `端口 ${port} 已被占用：请停止占用它的程序，或用 PORT 指定其他端口。\nPort ${port} is in use: stop what uses it or set PORT.`
      : err,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`▲ Nianbao ready on http://${host ?? "localhost"}:${port}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
  });
}
