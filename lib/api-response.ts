// JSON responses for route handlers: DAL outcomes as HTTP statuses with the Chinese message, never a stack trace.
import type { Actor } from "./auth/policy";
import { getActor } from "./auth/session";
import { AppError } from "./errors";
import { BodyTooLargeError, readLimitedBody } from "./read-limited-body";

const STATUS: Record<AppError["code"], number> = { not_found: 404, invalid: 422, conflict: 409, forbidden_state: 409 };

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

export const signedOut = (): Response => jsonError(401, "登录已失效，请重新登录后再试。");

/** The signed-in user for a route handler, or the JSON answer to send instead (signed out; password change due). */
export async function apiActor(): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor) return signedOut();
  if (actor.mustChangePassword) return jsonError(403, "请先修改初始密码，然后再下载或上传。");
  return actor;
}

export const notFound = (): Response => jsonError(404, "未找到该单位或年度，或该单位不在您的管理范围内。");

export function apiError(err: unknown): Response {
  if (err instanceof AppError) return jsonError(STATUS[err.code], err.message, { code: err.code });
  console.error(err);
  return jsonError(500, "服务器处理出错，请稍后重试；如反复出现请联系管理员。");
}

/** Room for the multipart boundaries and headers around an uploaded file. */
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * The form of a multipart upload whose file may be at most fileLimit bytes, or the JSON answer to send instead:
 * 415 when it is not multipart, 413 as soon as it is too large (nothing beyond the limit is buffered), 400 when cut
 * short. Each message says what to do.
 */
export async function readUploadForm(
  request: Request,
  fileLimit: number,
  messages: { wrongType: string; tooLarge: string },
): Promise<FormData | Response> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return jsonError(415, messages.wrongType);
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, fileLimit + MULTIPART_OVERHEAD);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, messages.tooLarge);
    throw err;
  }
  try {
    return await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    return jsonError(400, "上传的内容不完整，请重新选择文件上传。");
  }
}
