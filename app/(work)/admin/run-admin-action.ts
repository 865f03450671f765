// The common shape of every admin server action: re-read the session, hand the raw fields to lib/dal (which checks
// the role and parses them with zod), turn the outcome into a FormState and refresh the admin pages it touched.
import "server-only";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/ui/action-form";
import type { Actor } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { AppError, ValidationError } from "@/lib/errors";
import { revalidatePublicPages } from "@/lib/public-cache";

export function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

export async function runAdminAction(
  formData: FormData,
  run: (actor: Actor, input: Record<string, string>) => Promise<string | Omit<FormState, "ok" | "at">>,
  paths: string[],
  /** The action changes what public pages show (unit names, kinds and order appear in the public lists). */
  options: { publicPages?: boolean } = {},
): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: "登录已失效，请重新登录后再试。", at: Date.now() };
  if (actor.mustChangePassword) return { ok: false, error: "请先修改初始密码。", at: Date.now() };
  try {
    const result = await run(actor, fields(formData));
    // A dynamic route ("/admin/units/[id]") is refreshed for every id with the "page" type.
    for (const path of paths) {
      if (path.includes("[")) revalidatePath(path, "page");
      else revalidatePath(path);
    }
    if (options.publicPages) revalidatePublicPages();
    return { ok: true, ...(typeof result === "string" ? { message: result } : result), at: Date.now() };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, error: err.message, fieldErrors: err.fieldErrors, at: Date.now() };
    if (err instanceof AppError) return { ok: false, error: err.message, at: Date.now() };
    console.error(err);
    return { ok: false, error: "服务器处理出错，请稍后重试；如反复出现请联系技术支持。", at: Date.now() };
  }
}
