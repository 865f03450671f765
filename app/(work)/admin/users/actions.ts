"use server";
// Admin user actions: each re-reads the session and parses its input; lib/dal re-checks the role, parses with zod
// and writes the audit event.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/components/ui/action-form";
import { requireRole } from "@/lib/auth/session";
import { createUser, endUserSessions, resetPassword, unlockUser, updateUser } from "@/lib/dal/user-admin";
import { setUserActive } from "@/lib/dal/users";
import { AppError } from "@/lib/errors";
import { runAdminAction } from "../run-admin-action";

const PATHS = ["/admin/users", "/admin/users/[id]"];
const schema = z.object({ userId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]) });

export async function setUserActiveAction(_prev: { error?: string }, formData: FormData): Promise<{ error?: string }> {
  const actor = await requireRole("admin");
  const parsed = schema.safeParse({ userId: formData.get("userId"), active: formData.get("active") });
  if (!parsed.success) return { error: "请求无效。" };
  try {
    await setUserActive(actor, parsed.data.userId, parsed.data.active === "true");
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  revalidatePath("/admin/users");
  revalidatePath("/admin/users/[id]", "page");
  return {};
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    const created = await createUser(actor, input);
    return {
      message: `已新建用户 ${created.username}，首次登录须修改初始密码。`,
      ...(created.password ? { secret: { label: `${created.username} 的初始密码`, value: created.password } } : {}),
    };
  }, PATHS);
}

export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await updateUser(actor, input);
    return "已保存。";
  }, PATHS);
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    const { password } = await resetPassword(actor, input);
    return {
      message: "密码已重置：该用户的登录会话已结束，下次登录须修改密码。",
      ...(password ? { secret: { label: "新的初始密码", value: password } } : {}),
    };
  }, PATHS);
}

export async function unlockUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await unlockUser(actor, input);
    return "已解锁。";
  }, PATHS);
}

export async function endSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    const { ended } = await endUserSessions(actor, input);
    return `已结束 ${ended} 个登录会话。`;
  }, PATHS);
}
