// Public page speed: requests per second and p50/p99 latency of /reports/[year]/[unit] under 50 connections
// (autocannon) from the production server (Next behind the public page cache, scripts/server.ts), each beside a plain
// Node HTTP server returning the same bytes in the same run: once as browsers ask for it (compressed) and once
// uncompressed; Next alone for reference; and the gzip size of the JavaScript the page loads against Next's own
// /_not-found page of the same build. Needs a production build.
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

/** One comparison: the app and a plain Node server sending the same bytes with the same headers, same client. */
export interface PublicPair {
  label: string;
  bytes: number;
  app: PublicBench;
  plain: PublicBench;
  /** The same pair measured with wrk, when it is installed (see bench/README.md: autocannon's own cost). */
  wrk?: { app: PublicBench; plain: PublicBench };
}

const BROWSER_ENCODING = "gzip, deflate, br";

/** A raw GET (fetch would decompress): status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => (res.statusCode === 200 ? resolve({ headers: res.headers, body: Buffer.concat(parts) }) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on("error", reject);
  });
}

/** A plain Node server answering every request with these bytes and content headers. */
async function plainServer(body: Buffer, encoding: string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding } : {}),
    });
    res.end(body);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * autocannon's own CLI with JSON output (its Node API has no types), in a child process so that a server in this
 * process keeps answering; bounded: 50 connections, 8 seconds.
 */
async function autocannon(url: string, headers: Record<string, string> = {}): Promise<{ rps: number; p50: number; p99: number }> {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}=${v}`]);
  const child = spawn(process.execPath, ["node_modules/autocannon/autocannon.js", "-c", "50", "-d", "8", ...headerArgs, "-j", url], { stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  await new Promise((r) => child.once("exit", r));
  const out = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number };
  if (out.non2xx) throw new Error(`${url}: ${out.non2xx} non-2xx answers`);
  return { rps: out.requests.average, p50: out.latency.p50, p99: out.latency.p99 };
}

/** wrk (Debian's package; C, one thread), when installed: a client that does not decode the bodies it reads. */
async function wrk(url: string): Promise<{ rps: number; p50: number; p99: number } | null> {
  const child = spawn("wrk", ["-t1", "-c50", "-d8", "--latency", url], { stdio: ["ignore", "pipe", "ignore"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  const ok = await new Promise<boolean>((r) => {
    child.once("error", () => r(false));
    child.once("exit", (code) => r(code === 0));
  });
  if (!ok) return null;
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(stdout);
    if (!m) return NaN;
    return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  return rps ? { rps: Number(rps[1]), p50: ms("50%"), p99: ms("99%") } : null;
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

export interface PublicResults {
  pairs: PublicPair[];
  /** The same page from Next's own ISR cache, the page cache bypassed (a query string): what the cache saves. */
  next_alone: PublicBench;
  js: { page_gzip_bytes: number; not_found_gzip_bytes: number };
}

export async function benchPublic(): Promise<PublicResults | null> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.error("Public page throughput not measured: it needs a production build (npm run build).");
    return null;
  }
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  // e2e/server.ts: a fresh demo database and the production server as `npm start` runs it (scripts/server.ts).
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "e2e/server.ts", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}${PAGE}`, 90_000);
    const html = await (await fetch(`${base}${PAGE}`)).text();
    const notFoundHtml = await (await fetch(`${base}/_not-found`)).text();
    const js = { page_gzip_bytes: await scriptBytesGzip(base, html), not_found_gzip_bytes: await scriptBytesGzip(base, notFoundHtml) };

    const pairs: PublicPair[] = [];
    for (const [label, accept] of [
      ["as a browser asks for it (Accept-Encoding: gzip, deflate, br)", BROWSER_ENCODING],
      ["uncompressed (no Accept-Encoding)", undefined],
    ] as const) {
      const headers: Record<string, string> = accept ? { "accept-encoding": accept } : {};
      // The page is compressed once in the background after its first visit: wait for the encoding a browser gets.
      let sample = await rawGet(`${base}${PAGE}`, headers);
      for (let i = 0; accept && !sample.headers["content-encoding"] && i < 100; i++) {
        await new Promise((r) => setTimeout(r, 50));
        sample = await rawGet(`${base}${PAGE}`, headers);
      }
      const encoding = sample.headers["content-encoding"];
      const app = await autocannon(`${base}${PAGE}`, headers);
      const plain = await plainServer(sample.body, encoding);
      const bare = await autocannon(plain.url, headers);
      const wrkApp = accept ? null : await wrk(`${base}${PAGE}`);
      const wrkPlain = wrkApp ? await wrk(plain.url) : null;
      await plain.close();
      const named = (name: string, r: { rps: number; p50: number; p99: number }): PublicBench => ({ name, requests_per_sec: r.rps, p50_ms: r.p50, p99_ms: r.p99 });
      pairs.push({
        label: `${label}: ${sample.body.length} B${encoding ? ` ${encoding}` : ""}`,
        bytes: sample.body.length,
        app: named(`npm start server ${PAGE}`, app),
        plain: named("plain Node HTTP server, same bytes", bare),
        ...(wrkApp && wrkPlain ? { wrk: { app: named(`wrk: npm start server ${PAGE}`, wrkApp), plain: named("wrk: plain Node HTTP server, same bytes", wrkPlain) } } : {}),
      });
    }
    const alone = await autocannon(`${base}${PAGE}?from=next`);
    return {
      pairs,
      next_alone: { name: `Next alone ${PAGE} (its ISR cache, page cache bypassed)`, requests_per_sec: alone.rps, p50_ms: alone.p50, p99_ms: alone.p99 },
      js,
    };
  } finally {
    server.kill("SIGTERM");
  }
}
