"use server";
// Sign-out: ends the session cookie. Anyone may sign themselves out; there is nothing else to authorize.
import { signOut } from "@/lib/auth/config";
import { getActor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/dal/audit";
import { getDb } from "@/db/client";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await recordAudit(await getDb(), { actor, action: "sign_out", targetType: "user", targetId: actor.id, summary: "退出登录" });
  }
  await signOut({ redirectTo: "/login" });
}
