"use server";
// Sign-out: closes the server-side session (so no copy of the cookie works afterwards), then clears the cookie.
// Anyone may sign themselves out; getActor/getSessionIds identify whose session it is.
import { signOut } from "@/lib/auth/config";
import { getActor, getSessionIds } from "@/lib/auth/session";
import { endSession } from "@/lib/dal/sign-in";

export async function signOutAction(): Promise<void> {
  const [actor, ids] = await Promise.all([getActor(), getSessionIds()]);
  if (actor && ids) await endSession(actor, ids.sid, "sign_out");
  await signOut({ redirectTo: "/login" });
}
