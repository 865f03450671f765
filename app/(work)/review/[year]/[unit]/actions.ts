"use server";
// Review actions on one unit's report. Each re-reads the session (getActor) and passes the raw input to lib/dal,
// which parses it with zod and checks role, scope and the report's state inside its transaction.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/report/form-types";
import { actionError, SESSION_EXPIRED } from "@/lib/action-result";
import { revalidatePublicPages } from "@/lib/public-cache";
import { getActor } from "@/lib/auth/session";
import { addComment, setCommentResolved } from "@/lib/dal/comments";
import { addPortalLink, recordSignoff } from "@/lib/dal/publications";
import { approveReport, publishReport, reopenReport, returnReport, startCorrection } from "@/lib/dal/transitions";

/** `publicChange`: the action changes what the public site shows (a publication, a portal link). */
async function run(
  fn: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<unknown>,
  publicChange = false,
): Promise<ActionResult<null>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  try {
    await fn(actor);
  } catch (err) {
    return actionError(err);
  }
  revalidatePath("/review", "layout");
  revalidatePath("/fill", "layout");
  if (publicChange) revalidatePublicPages();
  return { ok: true, data: null };
}

export async function returnReportAction(input: { unitCode: string; year: number; lockVersion: number; reason: string }) {
  return run((actor) => returnReport(actor, input));
}

export async function approveReportAction(input: { unitCode: string; year: number; lockVersion: number }) {
  return run((actor) => approveReport(actor, input));
}

export async function reopenReportAction(input: { unitCode: string; year: number; reason: string }) {
  return run((actor) => reopenReport(actor, input));
}

export async function addCommentAction(input: { unitCode: string; year: number; target: string; body: string; parentId?: number }) {
  return run((actor) => addComment(actor, input));
}

export async function resolveCommentAction(input: { unitCode: string; year: number; commentId: number; resolved: boolean }) {
  return run((actor) => setCommentResolved(actor, input));
}

export async function publishReportAction(input: { unitCode: string; year: number; lockVersion: number; correctionNote?: string }) {
  return run((actor) => publishReport(actor, input), true);
}

export async function startCorrectionAction(input: { unitCode: string; year: number; reason: string }) {
  return run((actor) => startCorrection(actor, input));
}

export async function signoffAction(input: { unitCode: string; year: number; lockVersion: number; reviewerName: string; note?: string }) {
  return run((actor) => recordSignoff(actor, input));
}

export async function portalLinkAction(input: { publicationId: number; url: string }) {
  return run((actor) => addPortalLink(actor, input), true);
}
