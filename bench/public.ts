// Public page speed: requests per second and p50/p99 latency of /reports/[year]/[unit] under 50 connections
// (autocannon), beside a plain Node HTTP server returning the same bytes in the same run; and the gzip size of the
// JavaScript the page loads against Next's own /_not-found page of the same build. Needs a production build.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import { freePort, waitForServer } from "./server";

const PAGE = "/reports/2025/dept-education";

export interface PublicBench {
  name: string;
  requests_per_sec: number;
  p50_ms: number;
  p99_ms: number;
}



/**
 * autocannon's own CLI with JSON output (its Node API has no types), in a child process so that a server in this
 * process keeps answering; bounded: 50 connections, 8 seconds.
 */
async function autocannon(url: string): Promise<{ rps: number; p50: number; p99: number }> {
  const child = spawn(process.execPath, ["node_modules/autocannon/autocannon.js", "-c", "50", "-d", "8", "-j", url], { stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  await new Promise((r) => child.once("exit", r));
  const out = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
  if (out.non2xx) throw new Error(`${url}: ${out.non2xx} non-2xx answers`);
  return { rps: out.requests.average, p50: out.latency.p50, p99: out.latency.p99 };
}

async function scriptBytesGzip(base: string, html: string): Promise<number> {
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const src of new Set(srcs)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    total += zlib.gzipSync(body, { level: 9 }).length;
  }
  return total;
}

export async function benchPublic(): Promise<{ results: PublicBench[]; js: { page_gzip_bytes: number; not_found_gzip_bytes: number } } | null> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("Public page throughput not measured: it needs a production build (npm run build).");
    return null;
  }
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "e2e/server.ts", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}${PAGE}`, 90_000);
    const html = await (await fetch(`${base}${PAGE}`)).text();
    const notFoundHtml = await (await fetch(`${base}/_not-found`)).text();
    const js = { page_gzip_bytes: await scriptBytesGzip(base, html), not_found_gzip_bytes: await scriptBytesGzip(base, notFoundHtml) };
    const next = await autocannon(`${base}${PAGE}`);
    const bytes = Buffer.from(html);
    const plain = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": bytes.length });
      res.end(bytes);
    });
    const plainPort = await freePort();
    await new Promise<void>((r) => plain.listen(plainPort, "127.0.0.1", r));
    const bare = await autocannon(`http://127.0.0.1:${plainPort}/`);
    await new Promise<void>((r) => plain.close(() => r()));
    return {
      results: [
        { name: `Next ${PAGE} (cached public page)`, requests_per_sec: next.rps, p50_ms: next.p50, p99_ms: next.p99 },
        { name: "plain Node HTTP server, same bytes", requests_per_sec: bare.rps, p50_ms: bare.p50, p99_ms: bare.p99 },
      ],
      js,
    };
  } finally {
    server.kill("SIGTERM");
  }
}
