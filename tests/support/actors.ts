// Test helpers: load a seeded user as the acting user, exactly as a request with a fresh session would.
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users, userSessions } from "../../db/schema";
import type { Actor } from "../../lib/auth/policy";
import { loadSessionActor } from "../../lib/dal/sign-in";

/** Opens a server-side session for a user, as a successful sign-in does. */
export async function openSession(db: Db, userId: number, at = new Date()): Promise<string> {
  const id = crypto.randomBytes(12).toString("base64url");
  await db.insert(userSessions).values({ id, userId, createdAt: at, lastSeenAt: at });
  return id;
}

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!user) throw new Error(`no user ${username}`);
  const actor = await loadSessionActor(user.id, user.sessionEpoch, await openSession(db, user.id), "127.0.0.1");
  if (!actor) throw new Error(`user ${username} has no session`);
  return actor;
}
