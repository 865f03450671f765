// The public page cache in front of Next's request handler (scripts/server.ts): the bytes of each public page Next
// rendered, kept until the next publication, served without entering Next at all.
//
// Why: Next already keeps these pages (ISR, revalidated on publication), but every hit still goes through its whole
// request pipeline and `sendRenderResult`, which turns the cached bytes into a string, hashes it for the ETag, counts
// its UTF-8 length and encodes it again: for a Chinese report page that is ~2 ms of CPU per request (≈ 500 req/s on
// one core). Serving the same bytes from here costs what a plain Node server costs, and each page is compressed once
// (gzip and brotli, off the event loop) instead of on every request.
//
// What is stored: only what Next itself declared shareable: a 200 answer to a plain GET (no query string, no RSC or
// router headers) under /reports or /formats whose Cache-Control carries s-maxage (static or ISR pages: a dynamic
// page answers "private, no-cache"), that sets no cookie, is not compressed and was not a stale copy. The cache is
// emptied on every publication (lib/public-cache.ts) and a page whose rendering overlapped an emptying is not stored.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

interface Entry {
  headers: OutgoingHttpHeaders;
  etag: string | undefined;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

const ELIGIBLE_PATH = /^\/(reports|formats)(\/[^?#]*)?$/;
/** Headers Next uses for client-side navigation and actions: such requests get RSC data, not the page. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];
/** Headers that belong to one response or connection, never replayed from the cache. */
const NOT_REPLAYED = new Set(["content-length", "content-encoding", "date", "connection", "keep-alive", "transfer-encoding", "x-nextjs-cache"]);

/** Where the running server registers its cache, so that a publication in Next's code (same process) can empty it. */
const REGISTRY = Symbol.for("nianbao.publicPageCache");

export function registeredPublicPageCache(): PublicPageCache | undefined {
  return (globalThis as { [REGISTRY]?: PublicPageCache })[REGISTRY];
}

function accepts(req: IncomingMessage, coding: "gzip" | "br"): boolean {
  const header = req.headers["accept-encoding"];
  if (typeof header !== "string") return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().split(";");
    if (name!.trim().toLowerCase() !== coding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** If-None-Match: `*` or a list of validators, weak ones compared weakly (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((v) => v.trim().replace(/^W\//, "") === etag);
}

function withAcceptEncoding(vary: OutgoingHttpHeaders[string]): string {
  const list = (Array.isArray(vary) ? vary.join(",") : String(vary ?? "")).split(",").map((v) => v.trim()).filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === "accept-encoding")) list.push("Accept-Encoding");
  return list.join(", ");
}

function shareable(res: ServerResponse): boolean {
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  return (
    res.statusCode === 200 &&
    /\bs-maxage=\d+/.test(cacheControl) &&
    !/\b(private|no-store|no-cache)\b/.test(cacheControl) &&
    res.getHeader("set-cookie") === undefined &&
    res.getHeader("content-encoding") === undefined &&
    String(res.getHeader("x-nextjs-cache") ?? "").toUpperCase() !== "STALE" &&
    String(res.getHeader("content-type") ?? "").startsWith("text/html")
  );
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (chunk == null || typeof chunk === "function") return null;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  // A copy: the writer may reuse its buffer once the write returns.
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return null;
}

export class PublicPageCache {
  private readonly pages = new Map<string, Entry>();
  private bytes = 0;
  /** Bumped by every emptying: a page rendered across one is not stored. */
  private generation = 0;

  constructor(private readonly maxBytes = 128 * 1024 * 1024) {}

  /** Makes this the cache a publication empties (see lib/public-cache.ts). */
  register(): this {
    (globalThis as { [REGISTRY]?: PublicPageCache })[REGISTRY] = this;
    return this;
  }

  invalidate(): void {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.pages.size;
  }

  /** Answers from the cache, or lets Next answer (and keeps its answer when it is a shareable public page). */
  handle(req: IncomingMessage, res: ServerResponse, next: Handler): Promise<void> | void {
    const key = this.keyOf(req);
    if (key === null) return next(req, res);
    const entry = this.pages.get(key);
    if (entry) return this.send(req, res, entry);
    if (req.method !== "GET") return next(req, res);
    // Next answers this one uncompressed so that the stored bytes are the page itself; compression happens once.
    delete req.headers["accept-encoding"];
    this.capture(key, res);
    return next(req, res);
  }

  private keyOf(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url ?? "";
    if (!ELIGIBLE_PATH.test(url)) return null;
    for (const h of ROUTER_HEADERS) if (req.headers[h] !== undefined) return null;
    return url;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    let body = entry.body;
    let coding: "br" | "gzip" | null = null;
    if (entry.br && accepts(req, "br")) {
      body = entry.br;
      coding = "br";
    } else if (entry.gzip && accepts(req, "gzip")) {
      body = entry.gzip;
      coding = "gzip";
    }
    // Each encoding is its own representation, so it has its own (strong) validator.
    const etag = entry.etag && coding ? `${entry.etag.slice(0, -1)}-${coding}"` : entry.etag;
    res.statusCode = 200;
    for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) res.setHeader(name, value);
    res.setHeader("vary", withAcceptEncoding(entry.headers.vary));
    res.setHeader("x-nianbao-cache", "HIT");
    if (etag) res.setHeader("etag", etag);
    if (etag && matches(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.removeHeader("content-type");
      res.end();
      return;
    }
    if (coding) res.setHeader("content-encoding", coding);
    res.setHeader("content-length", body.length);
    if (req.method === "HEAD") res.end();
    else res.end(body);
  }

  private capture(key: string, res: ServerResponse): void {
    const generation = this.generation;
    const chunks: Buffer[] = [];
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      const b = toBuffer(args[0], args[1]);
      if (b) chunks.push(b);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as ServerResponse["write"];
    res.end = ((...args: unknown[]) => {
      const b = toBuffer(args[0], args[1]);
      if (b) chunks.push(b);
      if (generation === this.generation && shareable(res)) this.store(key, res, Buffer.concat(chunks));
      return (end as (...a: unknown[]) => ServerResponse).apply(res, args);
    }) as ServerResponse["end"];
  }

  private store(key: string, res: ServerResponse, body: Buffer): void {
    const declared = res.getHeader("content-length");
    if (declared !== undefined && Number(declared) !== body.length) return;
    if (body.length > this.maxBytes / 4) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_REPLAYED.has(name)) headers[name] = value;
    const etagHeader = res.getHeader("etag");
    const etag = typeof etagHeader === "string" && /^"[^"]*"$/.test(etagHeader) ? etagHeader : undefined;
    const entry: Entry = { headers, etag, body };
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= old.body.length;
    }
    this.pages.set(key, entry);
    this.bytes += body.length;
    while (this.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.pages.entries().next().value!;
      this.pages.delete(oldestKey);
      this.bytes -= oldest.body.length;
    }
    // Compressed once, in libuv's thread pool; until then the page goes out uncompressed.
    const generation = this.generation;
    zlib.gzip(body, { level: 9 }, (err, gz) => {
      if (!err && generation === this.generation && gz.length < body.length) entry.gzip = gz;
    });
    zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, (err, br) => {
      if (!err && generation === this.generation && br.length < body.length) entry.br = br;
    });
  }
}
