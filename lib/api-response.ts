// JSON responses for route handlers: DAL outcomes as HTTP statuses with the Chinese message, never a stack trace.
import { AppError } from "./errors";

const STATUS: Record<AppError["code"], number> = { not_found: 404, invalid: 422, conflict: 409, forbidden_state: 409 };

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

export const signedOut = (): Response => jsonError(401, "登录已失效，请重新登录后再试。");

export const notFound = (): Response => jsonError(404, "未找到该单位或年度，或该单位不在您的管理范围内。");

export function apiError(err: unknown): Response {
  if (err instanceof AppError) return jsonError(STATUS[err.code], err.message, { code: err.code });
  console.error(err);
  return jsonError(500, "服务器处理出错，请稍后重试；如反复出现请联系管理员。");
}

export class BodyTooLargeError extends Error {}

/**
 * The request body, refused with BodyTooLargeError as soon as it passes limit bytes: the declared Content-Length
 * is checked first, then the bytes actually received (a client may send more than it declares, or no length).
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
