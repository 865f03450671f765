// The two checks every admin operation starts with: the actor is an admin (else "not found"), and the input parses.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";

/** Anyone but an admin gets "not found", exactly as for anything outside their scope. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new NotFoundError();
}

/** Parses raw input (a server action's form fields, a route's JSON) or throws a ValidationError naming each field. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(parsed.error.issues[0]?.message ?? "输入有误，请检查后重试。", fieldErrors);
}

/** A checkbox or select posted as a string: "true"/"on"/"1" mean yes. */
export function flag(value: unknown): boolean {
  return value === true || value === "true" || value === "on" || value === "1";
}

/** A checkbox field: absent (unchecked) is false. */
export const checkbox = z.union([z.string(), z.boolean()]).optional().transform(flag);
