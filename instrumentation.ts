// Runs once when the server starts: a production server without AUTH_SECRET refuses to start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    const { MISSING_SECRET_MESSAGE } = await import("./lib/auth/secret");
    console.error(MISSING_SECRET_MESSAGE);
    process.exit(1);
  }
}
