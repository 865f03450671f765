// The report lifecycle of design.md as data: which role may take which action from which status, and where it
// leads. Pure, so the whole (status, action, role) matrix is unit-tested; lib/dal/transitions enforces it.
import { ROLE_LABELS, type Role } from "./auth/policy";

export type ReportStatus = "draft" | "submitted" | "returned" | "approved" | "published" | "correcting";
export type ReportAction = "submit" | "withdraw" | "return" | "approve" | "reopen" | "publish" | "start_correction";

interface Rule {
  role: Role;
  from: ReportStatus[];
  /** The status after the action; withdraw goes back to where the submission came from. */
  to: ReportStatus | "previous";
  reasonRequired: boolean;
}

export const LIFECYCLE: Record<ReportAction, Rule> = {
  submit: { role: "clerk", from: ["draft", "returned", "correcting"], to: "submitted", reasonRequired: false },
  withdraw: { role: "clerk", from: ["submitted"], to: "previous", reasonRequired: false },
  return: { role: "supervisor", from: ["submitted"], to: "returned", reasonRequired: true },
  approve: { role: "supervisor", from: ["submitted"], to: "approved", reasonRequired: false },
  reopen: { role: "supervisor", from: ["approved"], to: "returned", reasonRequired: true },
  publish: { role: "supervisor", from: ["approved"], to: "published", reasonRequired: false },
  start_correction: { role: "supervisor", from: ["published"], to: "correcting", reasonRequired: true },
};

export const ACTION_LABELS: Record<ReportAction, string> = {
  submit: "提交",
  withdraw: "撤回",
  return: "退回",
  approve: "审核通过",
  reopen: "重新打开",
  publish: "发布",
  start_correction: "启动更正",
};

/** A unit's progress in a year: its report's status, or not started when it has no report yet. */
export type ProgressStatus = ReportStatus | "not_started";

/** The one list of status names every page, file and message uses. */
export const STATUS_LABELS: Record<ProgressStatus, string> = {
  not_started: "未开始",
  draft: "填报中",
  submitted: "已提交",
  returned: "已退回",
  approved: "已通过",
  published: "已发布",
  correcting: "更正中",
};

export type TransitionCheck = { ok: true; to: ReportStatus | "previous" } | { ok: false; reason: string };

/** Whether `role` may take `action` on a report in `status`; the reason is the Chinese message a user sees. */
export function checkTransition(role: Role, status: ReportStatus, action: ReportAction): TransitionCheck {
  const rule = LIFECYCLE[action];
  if (rule.role !== role) return { ok: false, reason: `只有${ROLE_LABELS[rule.role]}可以${ACTION_LABELS[action]}。` };
  if (!rule.from.includes(status)) {
    return { ok: false, reason: `报表当前状态为“${STATUS_LABELS[status]}”，不能${ACTION_LABELS[action]}。` };
  }
  return { ok: true, to: rule.to };
}
