"use server";
// Unit administration actions: each re-reads the session (getActor, in runAdminAction) and passes the raw fields to
// lib/dal/unit-admin, which checks the admin role (assertAdmin), parses them with zod and writes the audit event.
import type { FormState } from "@/components/ui/action-form";
import { createUnit, mergeUnit, moveUnit, setUnitActive, updateUnit } from "@/lib/dal/unit-admin";
import { runAdminAction } from "../run-admin-action";

const PATHS = ["/admin/units", "/admin/units/[id]"];

export async function createUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    const unit = await createUnit(actor, input);
    return `已新建单位“${unit.name}”（${unit.code}）。`;
  }, PATHS, { publicPages: true });
}

export async function updateUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await updateUnit(actor, input);
    return "已保存。";
  }, PATHS, { publicPages: true });
}

export async function moveUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await moveUnit(actor, input);
    return "已移动。";
  }, PATHS, { publicPages: true });
}

export async function setUnitActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    await setUnitActive(actor, input);
    return input.active === "true" ? "已启用。" : "已停用。";
  }, PATHS, { publicPages: true });
}

export async function mergeUnitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAdminAction(formData, async (actor, input) => {
    const { moved } = await mergeUnit(actor, input);
    return `已合并：原单位已停用，其历年年报由承继单位接续${moved ? `；${moved} 名填报员已转到承继单位，需重新登录` : ""}。`;
  }, PATHS, { publicPages: true });
}
