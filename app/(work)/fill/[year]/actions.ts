"use server";
// The clerk's form actions. Each re-reads the session (getActor) and hands the raw input to lib/dal, which parses it
// with zod and checks that the unit is the clerk's own; a session that expired returns a message, never a redirect,
// so nothing typed is lost.
import { revalidatePath } from "next/cache";
import type { ActionResult, SaveRequest, SaveResponse, SubmitRequest } from "@/components/report/form-types";
import { actionError, SESSION_EXPIRED } from "@/lib/action-result";
import { getActor } from "@/lib/auth/session";
import { saveReportChanges } from "@/lib/dal/report-edit";
import { submitReport, withdrawReport } from "@/lib/dal/transitions";

export async function saveReportAction(input: SaveRequest): Promise<ActionResult<SaveResponse>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    return { ok: true, data: await saveReportChanges(actor, input) };
  } catch (err) {
    return actionError(err);
  }
}

export async function submitReportAction(input: SubmitRequest): Promise<ActionResult<null>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    await submitReport(actor, input);
  } catch (err) {
    return actionError(err);
  }
  revalidatePath("/fill", "layout");
  return { ok: true, data: null };
}

export async function withdrawReportAction(input: { unitCode: string; year: number }): Promise<ActionResult<null>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    await withdrawReport(actor, input);
  } catch (err) {
    return actionError(err);
  }
  revalidatePath("/fill", "layout");
  return { ok: true, data: null };
}
