// Resolves AUTH_SECRET: required in production; in development a random one is kept under .data/.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MISSING_SECRET_MESSAGE =
  "生产环境必须设置 AUTH_SECRET（至少 32 个字符的随机字符串，例如 `openssl rand -base64 32`）。\n" +
  "AUTH_SECRET must be set in production (a random string of at least 32 characters, e.g. `openssl rand -base64 32`).";

/**
 * The secret for Auth.js. In production it must come from AUTH_SECRET: without it this returns undefined (the build
 * needs no secret) and lib/startup-checks stops the server before it serves anything.
 */
export function resolveAuthSecret(): string | undefined {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production") return undefined;
  const file = path.join(process.cwd(), ".data", "dev-auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
