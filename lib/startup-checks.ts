// Server start checks (Node runtime only): a production server without AUTH_SECRET refuses to start.
import { MISSING_SECRET_MESSAGE } from "./auth/secret";

if (process.env.NEXT_PHASE !== "phase-production-build" && process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
  console.error(MISSING_SECRET_MESSAGE);
  process.exit(1);
}
