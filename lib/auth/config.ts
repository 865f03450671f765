// next-auth (Auth.js v5) set-up: credentials sign-in, JWT sessions with idle and absolute timeouts.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyCredentials } from "@/lib/dal/sign-in";
import { resolveAuthSecret } from "./secret";
import { IDLE_TIMEOUT_SECONDS, isSessionExpired } from "./session-age";

/** Thrown from authorize so the sign-in form can say until when the account stays locked. */
export class AccountLockedError extends CredentialsSignin {
  code = "locked";
  constructor(readonly until: Date) {
    super();
  }
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

function clientIp(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request?.headers.get("x-real-ip") || null;
}

declare module "next-auth" {
  interface User {
    epoch?: number;
    sessionId?: string;
  }
}

const config: NextAuthConfig = {
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(parsed.data.username, parsed.data.password, clientIp(request));
        if (result.ok) return { id: String(result.userId), epoch: result.epoch, sessionId: result.sessionId };
        if (result.reason === "locked") throw new AccountLockedError(result.until);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.epoch = user.epoch;
        token.sid = user.sessionId;
        token.signedInAt = Date.now();
      }
      if (isSessionExpired(token.signedInAt as number | undefined, Date.now())) return null;
      return token;
    },
    session({ session, token }) {
      // Only ids reach the session; role, unit and region are re-read from the database on every request.
      return { ...session, user: { id: String(token.uid) }, uid: token.uid, epoch: token.epoch, sid: token.sid };
    },
  },
  logger: {
    error(error) {
      // A wrong password is not a server error: keep the log free of its stack traces.
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
