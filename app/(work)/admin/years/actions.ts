"use server";
// Reporting-year actions: each re-reads the session (getActor, in runAdminAction); lib/dal/year-admin checks the admin role, parses with zod and
// writes the audit event.
import type { FormState } from "@/components/ui/action-form";
import { closeYear, openYear, reopenYear, updateYear } from "@/lib/dal/year-admin";
import { runAdminAction } from "../run-admin-action";

const PATHS = ["/admin/years"];

export async function openYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await openYear(actor, input);
    return `已开放 ${input.year} 年度填报。`;
  }, PATHS);
}

export async function updateYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await updateYear(actor, input);
    return "已保存。";
  }, PATHS);
}

export async function closeYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await closeYear(actor, input);
    return `${input.year} 年度已关闭。`;
  }, PATHS);
}

export async function reopenYearAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await reopenYear(actor, input);
    return `${input.year} 年度已重新开放。`;
  }, PATHS);
}
