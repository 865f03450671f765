// Session lifetime rules: idle timeout (rolling JWT expiry) and an absolute limit from sign-in.
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** A session older than 12 hours since sign-in is over, however active it was. */
export function isSessionExpired(signedInAt: number | undefined, now: number): boolean {
  return typeof signedInAt !== "number" || now - signedInAt >= ABSOLUTE_TIMEOUT_MS || signedInAt > now + 60_000;
}
