// The public page cache in front of Next, exercised through a real HTTP server with a stand-in for Next's handler
// that answers the way Next does (headers first, then the body in one or more writes).
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PublicPageCache, registeredPublicPageCache } from "./public-page-cache";

const PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><body>" + "同心县教育局 2025 年政府信息公开工作年度报告。".repeat(400) + "</body></html>";

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  chunks?: string[];
  /** Resolved before the handler answers: lets a test empty the cache while a page is being rendered. */
  hold?: Promise<void>;
}

const SHAREABLE = { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=31536000", etag: '"abc123"', "x-nextjs-cache": "MISS" };

let closeServer: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeServer?.();
  closeServer = null;
});

async function start(cache: PublicPageCache, answer: (req: IncomingMessage) => Answer) {
  const calls: string[] = [];
  const next = async (req: IncomingMessage, res: ServerResponse) => {
    calls.push(`${req.method} ${req.url} ae=${req.headers["accept-encoding"] ?? "-"}`);
    const a = answer(req);
    await a.hold;
    res.statusCode = a.status ?? 200;
    for (const [k, v] of Object.entries(a.headers ?? SHAREABLE)) res.setHeader(k, v);
    const chunks = a.chunks ?? [PAGE];
    if (chunks.length === 1) {
      res.setHeader("content-length", Buffer.byteLength(chunks[0]!));
      res.end(chunks[0]);
    } else {
      for (const c of chunks) res.write(Buffer.from(c));
      res.end();
    }
  };
  const server = http.createServer((req, res) => void cache.handle(req, res, next));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closeServer = () => new Promise<void>((r) => server.close(() => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** A raw request: fetch would decompress and hide what was sent. */
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on("error", reject);
      req.end();
    });
  return { calls, get };
}

async function compressed(cache: PublicPageCache, get: Awaited<ReturnType<typeof start>>["get"], path: string) {
  // Compression runs in the thread pool after the page is stored; wait until both encodings are served.
  for (let i = 0; i < 200; i++) {
    const br = await get(path, { "accept-encoding": "br" });
    const gz = await get(path, { "accept-encoding": "gzip" });
    if (br.headers["content-encoding"] === "br" && gz.headers["content-encoding"] === "gzip") return { br, gz };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("page never compressed");
}

describe("public page cache", () => {
  it("keeps a shareable page after Next answered it once and serves the same bytes without Next", async () => {
    const cache = new PublicPageCache();
    const { calls, get } = await start(cache, () => ({}));
    const first = await get("/reports/2025/dept-education", { "accept-encoding": "gzip, br" });
    expect(first.status).toBe(200);
    expect(first.headers["x-nianbao-cache"]).toBeUndefined();
    // Next was asked for the page uncompressed, so that what is kept is the page itself.
    expect(calls).toEqual(["GET /reports/2025/dept-education ae=-"]);
    expect(first.body.toString()).toBe(PAGE);

    const second = await get("/reports/2025/dept-education");
    expect(second.headers["x-nianbao-cache"]).toBe("HIT");
    expect(second.body.toString()).toBe(PAGE);
    expect(second.headers["content-length"]).toBe(String(Buffer.byteLength(PAGE)));
    expect(second.headers["cache-control"]).toBe("s-maxage=31536000");
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(second.headers["x-nextjs-cache"]).toBeUndefined();
    expect(second.headers.vary).toMatch(/Accept-Encoding/);
    expect(calls).toHaveLength(1);
  });

  it("keeps a page Next streamed in several writes", async () => {
    const cache = new PublicPageCache();
    const parts = ["<html><body>", "第一部分", "第二部分".repeat(1000), "</body></html>"];
    const { calls, get } = await start(cache, () => ({ headers: { ...SHAREABLE, etag: "" }, chunks: parts }));
    await get("/reports/2025");
    const hit = await get("/reports/2025");
    expect(hit.headers["x-nianbao-cache"]).toBe("HIT");
    expect(hit.body.toString()).toBe(parts.join(""));
    expect(calls).toHaveLength(1);
  });

  it("compresses each page once and gives every encoding its own validator", async () => {
    const cache = new PublicPageCache();
    const { calls, get } = await start(cache, () => ({}));
    await get("/reports/2025/dept-education");
    const { br, gz } = await compressed(cache, get, "/reports/2025/dept-education");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(PAGE);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
    expect(br.headers.etag).toBe('"abc123-br"');
    expect(gz.headers.etag).toBe('"abc123-gzip"');
    expect((await get("/reports/2025/dept-education", { "accept-encoding": "gzip;q=0, identity" })).headers["content-encoding"]).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it("answers a matching If-None-Match with 304 and no body, and HEAD with headers only", async () => {
    const cache = new PublicPageCache();
    const { get } = await start(cache, () => ({}));
    await get("/reports/2025/dept-education");
    const notModified = await get("/reports/2025/dept-education", { "if-none-match": 'W/"other", "abc123"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe('"abc123"');
    expect((await get("/reports/2025/dept-education", { "if-none-match": '"abc123-br"' })).status).toBe(200);
    const head = await get("/reports/2025/dept-education", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(PAGE)));
  });

  it.each([
    ["a dynamic page", "/reports", { ...SHAREABLE, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }, 200, {}],
    ["a page that is not found", "/reports/2025/nope", SHAREABLE, 404, {}],
    ["a page that sets a cookie", "/reports/2025/dept-education", { ...SHAREABLE, "set-cookie": "a=b" }, 200, {}],
    ["a stale copy", "/reports/2025/dept-education", { ...SHAREABLE, "x-nextjs-cache": "STALE" }, 200, {}],
    ["an answer already compressed", "/reports/2025/dept-education", { ...SHAREABLE, "content-encoding": "gzip" }, 200, {}],
    ["a query string", "/reports/2025/dept-education?q=1", SHAREABLE, 200, {}],
    ["a client-side navigation (RSC)", "/reports/2025/dept-education", SHAREABLE, 200, { rsc: "1" }],
    ["a prefetch", "/reports/2025/dept-education", SHAREABLE, 200, { "next-router-prefetch": "1" }],
    ["a work page", "/review/2025", SHAREABLE, 200, {}],
    ["a file that is not HTML", "/reports/2025/dept-education", { ...SHAREABLE, "content-type": "application/json" }, 200, {}],
  ])("never keeps %s", async (_what, path, headers, status, requestHeaders) => {
    const cache = new PublicPageCache();
    const { calls, get } = await start(cache, () => ({ headers, status }));
    await get(path, requestHeaders);
    const again = await get(path, requestHeaders);
    expect(again.headers["x-nianbao-cache"]).toBeUndefined();
    expect(calls).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it("never keeps the answer to a POST, and lets Next answer it", async () => {
    const cache = new PublicPageCache();
    const { calls, get } = await start(cache, () => ({}));
    await get("/reports/2025/dept-education", {}, "POST");
    expect(cache.size).toBe(0);
    expect(calls).toEqual(["POST /reports/2025/dept-education ae=-"]);
  });

  it("is emptied by a publication, and never keeps a page whose rendering overlapped it", async () => {
    const cache = new PublicPageCache().register();
    expect(registeredPublicPageCache()).toBe(cache);
    let release!: () => void;
    let version = 1;
    const { calls, get } = await start(cache, () => {
      const v = version;
      return { chunks: [`<html>第 ${v} 版</html>`], hold: v === 1 ? new Promise<void>((r) => (release = r)) : undefined };
    });
    const slow = get("/reports/2025/dept-education");
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    // A publication lands while version 1 is still being rendered.
    version = 2;
    registeredPublicPageCache()!.invalidate();
    release();
    expect((await slow).body.toString()).toBe("<html>第 1 版</html>");
    expect(cache.size).toBe(0);
    expect((await get("/reports/2025/dept-education")).body.toString()).toBe("<html>第 2 版</html>");
    expect((await get("/reports/2025/dept-education")).headers["x-nianbao-cache"]).toBe("HIT");
    version = 3;
    cache.invalidate();
    expect((await get("/reports/2025/dept-education")).body.toString()).toBe("<html>第 3 版</html>");
    expect(calls).toHaveLength(3);
  });

  it("stays within its byte budget, dropping the pages kept longest", async () => {
    const cache = new PublicPageCache(Buffer.byteLength(PAGE) * 4 + 10);
    const { get } = await start(cache, () => ({}));
    for (const unit of ["a", "b", "c", "d", "e"]) await get(`/reports/2025/${unit}`);
    expect(cache.size).toBe(4);
    expect((await get("/reports/2025/a")).headers["x-nianbao-cache"]).toBeUndefined();
    expect((await get("/reports/2025/e")).headers["x-nianbao-cache"]).toBe("HIT");
  });
});
