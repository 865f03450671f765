// JSON responses for route handlers: DAL outcomes as HTTP statuses with the Chinese message, never a stack trace.
import type { Actor } from "./auth/policy";
import { getActor } from "./auth/session";
import { AppError } from "./errors";

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
