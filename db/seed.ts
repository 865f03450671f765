// Loads the demo county (units, accounts, years). Idempotent: run it as often as you like.
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { DEMO_ACCOUNTS, DEMO_FILERS, DEMO_PASSWORD, DEMO_REGION, DEMO_YEARS } from "./demo-units";
import { reportingYears, units, users } from "./schema";

export async function seedDemoBase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [region] = await tx
      .insert(units)
      .values({ code: DEMO_REGION.code, name: DEMO_REGION.name, kind: "region", sortOrder: 0 })
      .onConflictDoUpdate({ target: units.code, set: { name: DEMO_REGION.name } })
      .returning({ id: units.id });
    for (const [index, filer] of DEMO_FILERS.entries()) {
      await tx
        .insert(units)
        .values({ code: filer.code, name: filer.name, kind: filer.kind, parentId: region!.id, sortOrder: index + 1 })
        .onConflictDoUpdate({ target: units.code, set: { name: filer.name, kind: filer.kind } });
    }
    for (const y of DEMO_YEARS) {
      await tx.insert(reportingYears).values(y).onConflictDoNothing();
    }
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const unitId = account.unit ? await unitIdByCode(db, account.unit) : null;
    const regionId = account.region ? await unitIdByCode(db, account.region) : null;
    await db
      .insert(users)
      .values({
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        role: account.role,
        unitId,
        regionId,
        mustChangePassword: false,
      })
      .onConflictDoNothing();
  }
}

export async function unitIdByCode(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!row) throw new Error(`unknown unit code ${code}`);
  return row.id;
}
