"use server";
// The sign-in form's action. This is the authentication itself, so there is no prior authorization to check;
// credentials are parsed with zod and checked by lib/dal/sign-in through Auth.js.
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { formatDateTime } from "@/lib/format-date";

export interface LoginState {
  error?: string;
  username?: string;
}

const schema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(100),
  password: z.string().min(1, "请输入密码").max(200),
});

const INVALID_CREDENTIALS_MESSAGE = "用户名或密码错误，或账户已停用。";

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const username = String(formData.get("username") ?? "");
  const parsed = schema.safeParse({ username, password: formData.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "请输入用户名和密码", username };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (err) {
    if (err instanceof AuthError) {
      const locked = err as AuthError & { code?: string; until?: Date };
      if (locked.code === "locked" && locked.until instanceof Date) {
        return {
          error: `连续多次密码错误，账户已被锁定，请于 ${formatDateTime(locked.until)} 之后再试，或联系管理员解锁。`,
          username,
        };
      }
      return { error: INVALID_CREDENTIALS_MESSAGE, username };
    }
    throw err; // the successful sign-in redirect is an exception too
  }
  return {};
}
