// Turns the request's session into the acting user (re-read from the database once per request).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { loadSessionActor } from "@/lib/dal/sign-in";
import { auth } from "./config";
import type { Actor, Role } from "./policy";

async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

/** The signed-in user, or null: no session, an expired one, or a user deactivated or re-keyed since. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const token = session as { uid?: unknown; epoch?: unknown } | null;
  if (typeof token?.uid !== "number" || typeof token.epoch !== "number") return null;
  return loadSessionActor(token.uid, token.epoch, await requestIp());
});

/** For pages and actions: the actor, or a redirect to the sign-in page. */
export async function requireActor(options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  return actor;
}

/** A role-restricted page: other roles get "not found", as for anything outside their scope. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) notFound();
  return actor;
}
