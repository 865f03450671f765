"use server";
// Actions on the region report. Each re-reads the session (getActor) and passes the raw input to lib/dal, which parses
// it with zod and checks role, scope and state inside its transaction (with its audit event).
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/components/report/form-types";
import type { DrillResult } from "@/components/county/types";
import { actionError, SESSION_EXPIRED } from "@/lib/action-result";
import { getActor } from "@/lib/auth/session";
import { excludeUnit, includeUnit, refreshRollup, saveRegionNarratives } from "@/lib/dal/rollup-actions";
import { getCellContributions } from "@/lib/dal/rollup-drill";
import { addPortalLink } from "@/lib/dal/publications";
import { publishRegionReport, recordRegionSignoff, startRegionCorrection } from "@/lib/dal/region-publish";
import { revalidatePublicPages } from "@/lib/public-cache";

type SessionActor = NonNullable<Awaited<ReturnType<typeof getActor>>>;

async function run<T>(fn: (actor: SessionActor) => Promise<T>, revalidate = true): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) return SESSION_EXPIRED;
  let data: T;
  try {
    data = await fn(actor);
  } catch (err) {
    return actionError(err);
  }
  if (revalidate) revalidatePath("/county", "layout");
  return { ok: true, data };
}

interface Target {
  year: number;
  region?: string;
}

export async function refreshRollupAction(input: Target): Promise<ActionResult<null>> {
  return run(async (actor) => {
    await refreshRollup(actor, input);
    return null;
  });
}

export async function excludeUnitAction(input: Target & { unitCode: string; reason: string }): Promise<ActionResult<null>> {
  return run(async (actor) => {
    await excludeUnit(actor, input);
    return null;
  });
}

export async function includeUnitAction(input: Target & { unitCode: string }): Promise<ActionResult<null>> {
  return run(async (actor) => {
    await includeUnit(actor, input);
    return null;
  });
}

export async function saveRegionNarrativesAction(input: Target & { lockVersion: number; narratives: Record<string, string> }): Promise<ActionResult<{ lockVersion: number }>> {
  return run((actor) => saveRegionNarratives(actor, input));
}

export async function drillCellAction(input: Target & { cell: string }): Promise<ActionResult<DrillResult>> {
  return run((actor) => getCellContributions(actor, input), false);
}

export async function publishRegionAction(input: Target & { lockVersion: number; correctionNote?: string }): Promise<ActionResult<null>> {
  const result = await run(async (actor) => {
    await publishRegionReport(actor, { year: input.year, regionCode: input.region, lockVersion: input.lockVersion, correctionNote: input.correctionNote });
    return null;
  });
  if (result.ok) revalidatePublicPages();
  return result;
}

export async function startRegionCorrectionAction(input: Target & { reason: string }): Promise<ActionResult<null>> {
  return run(async (actor) => {
    await startRegionCorrection(actor, { year: input.year, regionCode: input.region, reason: input.reason });
    return null;
  });
}

export async function regionSignoffAction(input: Target & { lockVersion: number; reviewerName: string; note?: string }): Promise<ActionResult<null>> {
  return run(async (actor) => {
    await recordRegionSignoff(actor, { year: input.year, regionCode: input.region, lockVersion: input.lockVersion, reviewerName: input.reviewerName, note: input.note });
    return null;
  });
}

export async function regionPortalLinkAction(input: { publicationId: number; url: string }): Promise<ActionResult<null>> {
  const result = await run(async (actor) => {
    await addPortalLink(actor, input);
    return null;
  });
  if (result.ok) revalidatePublicPages();
  return result;
}
