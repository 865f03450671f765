// Test helpers: load a seeded user as the acting user, exactly as a request would.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import type { Actor } from "../../lib/auth/policy";
import { loadSessionActor } from "../../lib/dal/sign-in";

export async function actorFor(db: Db, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (!user) throw new Error(`no user ${username}`);
  const actor = await loadSessionActor(user.id, user.sessionEpoch, "127.0.0.1");
  if (!actor) throw new Error(`user ${username} has no session`);
  return actor;
}
