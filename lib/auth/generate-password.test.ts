// Generated initial passwords pass the policy, differ each time and are safe to paste into a spreadsheet.
import { describe, expect, it } from "vitest";
import { generatePassword } from "./generate-password";
import { passwordProblems } from "./password-policy";

describe("generatePassword", () => {
  it("passes the policy, starts with a letter or digit and is not repeated", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(16);
      expect(passwordProblems(password)).toEqual([]);
      expect(password).toMatch(/^[A-Za-z0-9]/);
      expect(password).not.toMatch(/[0O1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
