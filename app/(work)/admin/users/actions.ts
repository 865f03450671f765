"use server";
// Admin user actions: each re-reads the session (requireRole) and parses its input; lib/dal re-checks the role.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth/session";
import { setUserActive } from "@/lib/dal/users";
import { AppError } from "@/lib/errors";

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
  return {};
}
