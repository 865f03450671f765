// Turns DAL outcomes into the plain results server actions return to the browser (no stack traces leave the server).
import type { ActionResult } from "@/components/report/form-types";
import { AppError } from "./errors";

export function actionError(err: unknown): ActionResult<never> {
  if (err instanceof AppError) return { ok: false, error: err.message, code: err.code };
  console.error(err);
  return { ok: false, error: "服务器处理出错，请稍后重试；如反复出现请联系管理员。" };
}

export const SESSION_EXPIRED: ActionResult<never> = {
  ok: false,
  error: "登录已失效，修改尚未保存。请在新标签页重新登录后回到本页，修改会自动保存。",
};
