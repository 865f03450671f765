// HTTP answers of the open-data API: JSON and files with ETag and cache headers, 304 on a matching If-None-Match,
// and JSON errors with a Chinese message and a machine-readable code.
import crypto from "node:crypto";

/** Lists and `latest` files change when something is published: browsers and proxies may keep them 5 minutes. */
export const CACHE_SHORT = "public, max-age=300";
/** A numbered version is a frozen snapshot: its files never change. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

export const sha256 = (text: string | Uint8Array) => crypto.createHash("sha256").update(text).digest("hex");

export function errorJson(status: 400 | 404, error: string): Response {
  return Response.json({ error, code: status === 404 ? "not_found" : "invalid" }, { status, headers: { "Cache-Control": "no-store" } });
}

/** If-None-Match against an ETag, compared weakly (RFC 9110 §13.1.2): `*`, or any listed tag with or without W/. */
function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

export interface Answer {
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
  etag: string;
  cacheControl: string;
  contentDisposition?: string;
}

/** The answer, or 304 Not Modified (with the same ETag and caching) when the client already has it. */
export function answer(request: Request, a: Answer): Response {
  const headers: Record<string, string> = { ETag: a.etag, "Cache-Control": a.cacheControl };
  if (matches(request, a.etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = a.contentType;
  if (a.contentDisposition) headers["Content-Disposition"] = a.contentDisposition;
  return new Response(a.body, { headers });
}

/** A JSON document of the API; its ETag is the SHA-256 of the body. */
export function jsonAnswer(request: Request, value: unknown): Response {
  const body = `${JSON.stringify(value, null, 2)}\n`;
  return answer(request, { body, contentType: "application/json; charset=utf-8", etag: `"${sha256(body)}"`, cacheControl: CACHE_SHORT });
}
