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

/** The ids the session cookie carries (user, epoch, server-side session), or null without a usable cookie. */
export const getSessionIds = cache(async (): Promise<{ uid: number; epoch: number; sid: string } | null> => {
  const session = (await auth()) as { uid?: unknown; epoch?: unknown; sid?: unknown } | null;
  if (typeof session?.uid !== "number" || typeof session.epoch !== "number" || typeof session.sid !== "string") return null;
  return { uid: session.uid, epoch: session.epoch, sid: session.sid };
});

/** The signed-in user, or null: no session, an ended or expired one, or a user deactivated or re-keyed since. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const ids = await getSessionIds();
  if (!ids) return null;
  return loadSessionActor(ids.uid, ids.epoch, ids.sid, await requestIp());
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
