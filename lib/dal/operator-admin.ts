// The first administrator, created from a trusted terminal (`npm run cli -- create-admin`), before anyone can sign in.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { CLI_ACTOR } from "./operator";
import { displayNameSchema, usernameSchema } from "./user-admin";

export class AdminRefusedError extends AppError {
  constructor(message: string) {
    super(message, "invalid");
  }
}

/** The user name as it will be stored, or a refusal in Chinese and English. */
export function checkAdminName(username: string, displayName: string): { username: string; displayName: string } {
  const name = usernameSchema.safeParse(username);
  if (!name.success) throw new AdminRefusedError(`${name.error.issues[0]!.message} / invalid user name: letters, digits, . _ - (3–32 characters)`);
  const display = displayNameSchema.safeParse(displayName);
  if (!display.success) throw new AdminRefusedError(`${display.error.issues[0]!.message} / invalid display name`);
  return { username: name.data, displayName: display.data };
}

export async function assertNoSuchUser(db: Db, username: string): Promise<void> {
  const [taken] = await db.select({ username: users.username }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  if (taken) throw new AdminRefusedError(`用户 ${taken.username} 已存在，未做任何修改。 / User ${taken.username} already exists; nothing was changed.`);
}

/** A generated password must be changed at first sign-in; a typed one was chosen by the person who will use it. */
export async function createAdminAccount(db: Db, input: { username: string; displayName: string; password: string; generated: boolean }): Promise<number> {
  const { username, displayName } = checkAdminName(input.username, input.displayName);
  const problems = passwordProblems(input.password);
  if (problems.length) throw new AdminRefusedError(`${problems.join("；")} / the password does not meet the policy`);
  await assertNoSuchUser(db, username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username, displayName, passwordHash, role: "admin", mustChangePassword: input.generated, passwordChangedAt: new Date() })
      .returning({ id: users.id });
    await recordAudit(tx, {
      actor: CLI_ACTOR,
      action: "admin.created",
      targetType: "user",
      targetId: row!.id,
      summary: `命令行创建管理员 ${displayName}（${username}）${input.generated ? "，密码自动生成，首次登录须修改" : ""}`,
    });
    return row!.id;
  });
}
