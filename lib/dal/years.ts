// Reporting years: format version, deadlines and whether the year is open.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { reportingYears } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

export interface YearDto {
  year: number;
  formatVersion: "2019" | "2021";
  unitDeadline: string;
  countyDeadline: string;
  status: "open" | "closed";
  signoffRequired: boolean;
}

function toDto(row: typeof reportingYears.$inferSelect): YearDto {
  return { ...row, formatVersion: row.formatVersion === "2019" ? "2019" : "2021" };
}

/** Years are not confidential: every signed-in role may list them. */
export async function listYears(): Promise<YearDto[]> {
  const db = await getDb();
  return (await db.select().from(reportingYears).orderBy(desc(reportingYears.year))).map(toDto);
}

/** Pass the transaction when inside one: PGlite has a single connection, so a query beside an open transaction waits forever. */
export async function getYear(year: number, conn?: Db | Tx): Promise<YearDto> {
  const db = conn ?? (await getDb());
  const [row] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  if (!row) throw new NotFoundError(`${year} 年度尚未开放填报。`);
  return toDto(row);
}

/** The most recent open year (the one clerks fill in now), or null. */
export async function getOpenYear(): Promise<YearDto | null> {
  const years = await listYears();
  return years.find((y) => y.status === "open") ?? null;
}

/** Whole days from today (Asia/Shanghai) to a deadline date; negative when past. */
export function daysUntil(deadline: string, now = new Date()): number {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
