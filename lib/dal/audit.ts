// Appends audit events (the table is append-only; there is no update or delete here or in the database).
import "server-only";
import { auditEvents } from "@/db/schema";
import type { Db, Tx } from "@/db/client";

export interface AuditInput {
  actor: { id: number | null; displayName: string; ip?: string | null } | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  unitId?: number | null;
  summary: string;
  ip?: string | null;
}

export async function recordAudit(db: Db | Tx, event: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: event.actor?.id ?? null,
    actorName: event.actor?.displayName ?? "（系统）",
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId == null ? null : String(event.targetId),
    unitId: event.unitId ?? null,
    summary: event.summary,
    ip: event.ip ?? event.actor?.ip ?? null,
  });
}
