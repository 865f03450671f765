"use server";
// Board actions: 催报 reminders and bulk approval. Each re-reads the session (getActor); lib/dal checks the
// supervisor's scope and parses the input with zod.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/report/form-types";
import { actionError, SESSION_EXPIRED } from "@/lib/action-result";
import { getActor } from "@/lib/auth/session";
import { remindUnits } from "@/lib/dal/board";
import { approveMany, type BulkResult } from "@/lib/dal/transitions";

export async function remindAction(input: { year: number; unitCodes: string[] }): Promise<ActionResult<{ reminded: string[]; skipped: string[] }>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    const data = await remindUnits(actor, input);
    revalidatePath(`/review/${input.year}`);
    return { ok: true, data };
  } catch (err) {
    return actionError(err);
  }
}

export async function bulkApproveAction(input: { year: number; items: { unitCode: string; lockVersion: number }[] }): Promise<ActionResult<BulkResult[]>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    const data = await approveMany(actor, input);
    revalidatePath(`/review/${input.year}`);
    return { ok: true, data };
  } catch (err) {
    return actionError(err);
  }
}
