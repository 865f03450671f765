// The whole lifecycle matrix of design.md: every (status, action, role), allowed or refused.
import { describe, expect, it } from "vitest";
import type { Role } from "./auth/policy";
import { checkTransition, type ReportAction, type ReportStatus } from "./lifecycle";

const statuses: ReportStatus[] = ["draft", "submitted", "returned", "approved", "published", "correcting"];
const actions: ReportAction[] = ["submit", "withdraw", "return", "approve", "reopen", "publish", "start_correction"];
const roles: Role[] = ["clerk", "supervisor", "admin"];

/** design.md "Lifecycle", transcribed: action → [role, from statuses, to]. */
const allowed: Record<ReportAction, [Role, ReportStatus[], ReportStatus | "previous"]> = {
  submit: ["clerk", ["draft", "returned", "correcting"], "submitted"],
  withdraw: ["clerk", ["submitted"], "previous"],
  return: ["supervisor", ["submitted"], "returned"],
  approve: ["supervisor", ["submitted"], "approved"],
  reopen: ["supervisor", ["approved"], "returned"],
  publish: ["supervisor", ["approved"], "published"],
  start_correction: ["supervisor", ["published"], "correcting"],
};

describe("checkTransition", () => {
  for (const action of actions) {
    for (const status of statuses) {
      for (const role of roles) {
        const [who, from, to] = allowed[action];
        const ok = who === role && from.includes(status);
        it(`${role} ${action} from ${status}: ${ok ? `allowed → ${to}` : "refused"}`, () => {
          const result = checkTransition(role, status, action);
          expect(result.ok).toBe(ok);
          if (result.ok) expect(result.to).toBe(to);
          else expect(result.reason).toMatch(/只有|不能/);
        });
      }
    }
  }
  it("explains a refusal in Chinese", () => {
    expect(checkTransition("supervisor", "draft", "approve")).toEqual({ ok: false, reason: "报表当前状态为“填报中”，不能审核通过。" });
    expect(checkTransition("clerk", "submitted", "approve")).toEqual({ ok: false, reason: "只有审核员可以审核通过。" });
    expect(checkTransition("admin", "submitted", "approve")).toEqual({ ok: false, reason: "只有审核员可以审核通过。" });
    expect(checkTransition("supervisor", "draft", "submit")).toEqual({ ok: false, reason: "只有填报员可以提交。" });
  });
});
