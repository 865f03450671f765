// Parsing of route parameters: anything malformed is treated as "not found" by the caller.
import { z } from "zod";

const yearSchema = z.coerce.number().int().min(2019).max(2100);

export function parseYearParam(raw: string): number | null {
  if (!/^\d{4}$/.test(raw)) return null;
  const parsed = yearSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const unitCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export function parseUnitCodeParam(raw: string): string | null {
  const parsed = unitCodeSchema.safeParse(decodeURIComponent(raw));
  return parsed.success ? parsed.data : null;
}
