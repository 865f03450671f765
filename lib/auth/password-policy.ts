// The password policy, shared by the browser form and the server.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

/** At least 10 characters and three of: upper case, lower case, digits, symbols. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("密码需包含大写字母、小写字母、数字、符号中的至少三类");
  if (password.length > 200) problems.push("密码不能超过 200 个字符");
  return problems;
}

export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  for (const message of passwordProblems(value)) ctx.addIssue({ code: "custom", message });
});
