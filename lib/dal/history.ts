// A report's history: saves (which cells and paragraphs changed) and status changes, merged into one timeline;
// earlier versions rebuilt by undoing later saves.
import "server-only";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { reportChanges, reportTransitions, users } from "@/db/schema";
import type { ReportData } from "@/lib/report-format";
import type { ReportStatus } from "./reports";

export interface CellChange {
  cell: string;
  from: string | null;
  to: string | null;
}
export interface NarrativeChange {
  section: "preamble" | "s1" | "s5" | "s6";
  from: string;
  to: string;
}

export interface Explanation {
  rule: string;
  cell: string | null;
  message: string;
  explanation: string;
}

export type TimelineEntry =
  | { kind: "save"; at: Date; byName: string | null; lockVersion: number; cells: CellChange[]; narratives: NarrativeChange[] }
  | {
      kind: "transition";
      at: Date;
      byName: string | null;
      lockVersion: number;
      action: string;
      fromStatus: ReportStatus;
      toStatus: ReportStatus;
      reason: string | null;
      explanations: Explanation[] | null;
    };

export async function loadTimeline(db: Db | Tx, reportId: number): Promise<TimelineEntry[]> {
  const saves = await db
    .select({ at: reportChanges.at, byName: users.displayName, lockVersion: reportChanges.lockVersion, cells: reportChanges.cells, narratives: reportChanges.narratives })
    .from(reportChanges)
    .leftJoin(users, eq(users.id, reportChanges.actorId))
    .where(eq(reportChanges.reportId, reportId))
    .orderBy(desc(reportChanges.lockVersion));
  const transitions = await db
    .select({
      at: reportTransitions.at,
      byName: users.displayName,
      lockVersion: reportTransitions.lockVersion,
      action: reportTransitions.action,
      fromStatus: reportTransitions.fromStatus,
      toStatus: reportTransitions.toStatus,
      reason: reportTransitions.reason,
      explanations: reportTransitions.explanations,
    })
    .from(reportTransitions)
    .leftJoin(users, eq(users.id, reportTransitions.actorId))
    .where(eq(reportTransitions.reportId, reportId))
    .orderBy(desc(reportTransitions.at), desc(reportTransitions.id));
  const entries: TimelineEntry[] = [
    ...saves.map((s) => ({ kind: "save" as const, ...s, cells: s.cells as CellChange[], narratives: s.narratives as NarrativeChange[] })),
    ...transitions.map((t) => ({ kind: "transition" as const, ...t, explanations: t.explanations as Explanation[] | null })),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || b.lockVersion - a.lockVersion);
}

/** The report as it was at a lock_version: every later save undone, newest first. */
export async function reportAtVersion(db: Db | Tx, reportId: number, current: ReportData, lockVersion: number): Promise<ReportData> {
  const later = await db
    .select({ cells: reportChanges.cells, narratives: reportChanges.narratives })
    .from(reportChanges)
    .where(and(eq(reportChanges.reportId, reportId), gt(reportChanges.lockVersion, lockVersion)))
    .orderBy(desc(reportChanges.lockVersion));
  const values = { ...current.values };
  const narratives = { ...current.narratives };
  for (const save of later) {
    for (const c of save.cells as CellChange[]) values[c.cell] = c.from;
    for (const n of save.narratives as NarrativeChange[]) narratives[n.section] = n.from;
  }
  return { ...current, values, narratives };
}

/** Cells and sections whose content differs between two versions of a report. */
export function diffReports(before: ReportData, after: ReportData): { cells: string[]; sections: string[] } {
  const cells = Object.keys(after.values).filter((a) => (before.values[a] ?? null) !== (after.values[a] ?? null));
  const sections = (["preamble", "s1", "s5", "s6"] as const).filter((s) => (before.narratives[s] ?? "") !== (after.narratives[s] ?? ""));
  return { cells, sections };
}

/** The lock_version at the report's last return (or reopen), if it has been sent back to the clerk. */
export async function lastReturnVersion(db: Db | Tx, reportId: number): Promise<{ lockVersion: number; at: Date } | null> {
  const [row] = await db
    .select({ lockVersion: reportTransitions.lockVersion, at: reportTransitions.at })
    .from(reportTransitions)
    .where(and(eq(reportTransitions.reportId, reportId), inArray(reportTransitions.action, ["return", "reopen"])))
    .orderBy(desc(reportTransitions.at), desc(reportTransitions.id))
    .limit(1);
  return row ?? null;
}
