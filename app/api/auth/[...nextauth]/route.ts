// Auth.js route handlers (session, CSRF, sign-out endpoints).
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
