"use server";
// Changing one's own password: re-checks the session (requireActor), parses with zod, then signs this browser in
// again with the new password because the change ends every session of the user.
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { requireActor } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/dal/users";
import { ValidationError } from "@/lib/errors";

export interface ChangePasswordResult {
  ok: boolean;
  error?: string;
  fieldErrors?: Record<string, string[]>;
}

const schema = z.object({
  current: z.string().min(1, "请输入当前密码").max(200),
  next: z.string().max(200),
  confirm: z.string().max(200),
});

export async function changePasswordAction(input: unknown): Promise<ChangePasswordResult> {
  const actor = await requireActor({ allowPasswordChange: true });
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "输入有误" };
  const { current, next, confirm } = parsed.data;
  if (next !== confirm) return { ok: false, error: "两次输入的新密码不一致。", fieldErrors: { confirm: ["两次输入的新密码不一致"] } };
  try {
    await changeOwnPassword(actor, current, next);
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, error: err.message, fieldErrors: err.fieldErrors };
    throw err;
  }
  await signIn("credentials", { username: actor.username, password: next, redirect: false });
  return { ok: true };
}
