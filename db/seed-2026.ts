// Demo activity in the open year 2026: reports in a spread of states (drafts, submitted, returned with a comment,
// approved) and a contact clerk per unit, so every screen has something to show. The demo clerk's own unit
// (yuhai-town) and the units the e2e suite uses stay untouched. Idempotent: units that have a 2026 report are kept.
import { and, eq } from "drizzle-orm";
import { writeReportContent } from "@/lib/dal/operator";
import { hashPassword } from "@/lib/auth/password";
import type { ReportData } from "@/lib/report-format";
import type { Db } from "./client";
import { generateDemoSeries } from "./demo-reports";
import { DEMO_CLERK_UNIT, DEMO_FILERS, DEMO_PASSWORD } from "./demo-units";
import { reportComments, reportTransitions, unitReports, units, users } from "./schema";

type Plan = { status: "draft" | "submitted" | "returned" | "approved"; partial?: boolean; warning?: boolean; problem?: boolean };

export const DEMO_2026: Record<string, Plan> = {
  "dept-education": { status: "submitted" },
  "dept-finance": { status: "submitted" },
  "weizhou-town": { status: "submitted" },
  "dept-housing": { status: "submitted", warning: true },
  "dept-audit": { status: "approved" },
  "dept-statistics": { status: "approved" },
  "xinglong-township": { status: "approved" },
  "tongxin-gov-office": { status: "approved" },
  "dept-natural-resources": { status: "returned", problem: true },
  "wangtuan-town": { status: "draft", partial: true },
  "dept-health": { status: "draft", partial: true },
};

function shortName(name: string): string {
  return name.replace(/^同心县/, "").replace(/人民政府$/, "");
}

/** One contact clerk per unit (the demo `clerk` is yuhai-town's), with a phone number for 催报 follow-up. */
async function seedContactClerks(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [i, unit] of DEMO_FILERS.entries()) {
    if (unit.code === DEMO_CLERK_UNIT) continue;
    const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, unit.code));
    await db
      .insert(users)
      .values({
        username: `clerk-${unit.code}`,
        displayName: `${shortName(unit.name)} 填报员`,
        passwordHash,
        role: "clerk",
        unitId: row!.id,
        phone: `0953-80${String(22100 + i * 7).padStart(5, "0")}`,
      })
      .onConflictDoNothing();
  }
}

export async function seedDemo2026(db: Db): Promise<number> {
  await seedContactClerks(db);
  const [supervisor] = await db.select().from(users).where(eq(users.username, "supervisor"));
  let added = 0;
  for (const [code, plan] of Object.entries(DEMO_2026)) {
    const unitDef = DEMO_FILERS.find((u) => u.code === code)!;
    const [unit] = await db.select().from(units).where(eq(units.code, code));
    const [exists] = await db.select({ id: unitReports.id }).from(unitReports).where(and(eq(unitReports.year, 2026), eq(unitReports.unitId, unit!.id)));
    if (exists) continue;
    const [clerk] = await db.select().from(users).where(eq(users.username, `clerk-${code}`));
    const report: ReportData = structuredClone(generateDemoSeries(unitDef, [2024, 2025, 2026])[2]!);
    if (plan.partial) {
      const keys = Object.keys(report.values);
      for (const key of keys.slice(keys.length / 2)) report.values[key] = null;
      report.narratives = { s1: report.narratives.s1! };
    }
    if (plan.warning) report.narratives.s6 = "无其他需要报告的事项。";
    if (plan.problem) {
      const cell = "applications.carry_forward.natural_person";
      report.values[cell] = String(Number(report.values[cell]) + 1);
    }
    await db.transaction(async (tx) => {
      const t0 = new Date(Date.now() - 3 * 86_400_000);
      const [row] = await tx
        .insert(unitReports)
        .values({ year: 2026, unitId: unit!.id, status: plan.status, lockVersion: 1, updatedAt: t0, updatedBy: clerk!.id, statusChangedAt: t0, statusChangedBy: clerk!.id })
        .returning({ id: unitReports.id });
      await writeReportContent(tx, row!.id, report);
      if (plan.status === "draft") return;
      const step = (h: number) => new Date(t0.getTime() + h * 3_600_000);
      await tx.insert(reportTransitions).values({
        reportId: row!.id,
        action: "submit",
        fromStatus: "draft",
        toStatus: "submitted",
        actorId: clerk!.id,
        at: step(1),
        lockVersion: 1,
        explanations: plan.warning
          ? [{ rule: "NARR-FEE", cell: "narratives.s6", message: "「六、其他需要报告的事项」未说明信息处理费的收取情况。", explanation: "本局全年未收取信息处理费，已在总体情况中说明。" }]
          : [],
      });
      if (plan.status === "submitted") {
        await tx.update(unitReports).set({ statusChangedAt: step(1) }).where(eq(unitReports.id, row!.id));
        return;
      }
      const decision = plan.status === "approved" ? "approve" : "return";
      await tx.insert(reportTransitions).values({
        reportId: row!.id,
        action: decision,
        fromStatus: "submitted",
        toStatus: plan.status,
        actorId: supervisor!.id,
        at: step(20),
        lockVersion: 1,
        reason: decision === "return" ? "结转下年度继续办理的自然人申请数与本年办理情况对不上，请核对后重新提交。" : null,
      });
      await tx.update(unitReports).set({ statusChangedAt: step(20), statusChangedBy: supervisor!.id }).where(eq(unitReports.id, row!.id));
      if (decision === "return") {
        await tx.insert(reportComments).values({
          reportId: row!.id,
          target: "applications.carry_forward.natural_person",
          authorId: supervisor!.id,
          body: "此数比按勾稽关系算出的多 1，请核对是否有申请重复计入。",
          createdAt: step(20),
        });
      }
    });
    added++;
  }
  return added;
}
