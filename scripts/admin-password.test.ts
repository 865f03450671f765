// create-admin's typed password: both entries must match and pass the policy.
import { describe, expect, it } from "vitest";
import { typedPasswordProblem } from "./admin-password";

describe("typedPasswordProblem", () => {
  it("accepts a matching strong password and refuses a mismatch or a weak one, in Chinese and English", () => {
    expect(typedPasswordProblem("County-Admin-2026", "County-Admin-2026")).toBeNull();
    expect(typedPasswordProblem("County-Admin-2026", "County-Admin-2027")).toContain("两次输入的密码不一致");
    const weak = typedPasswordProblem("short", "short");
    expect(weak).toContain("密码至少需要 10 个字符");
    expect(weak).toContain("does not meet the policy");
  });
});
