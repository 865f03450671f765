// The password for `create-admin`: typed twice without echo on a terminal, or generated (no terminal, or --generate).
import { generatePassword } from "../lib/auth/generate-password";
import { passwordProblems } from "../lib/auth/password-policy";

export class PromptCancelled extends Error {}

/** Why two typed passwords are refused, in Chinese and English, or null. */
export function typedPasswordProblem(first: string, second: string): string | null {
  if (first !== second) return "两次输入的密码不一致，未创建。 / The passwords do not match; nothing was created.";
  const problems = passwordProblems(first);
  return problems.length ? `${problems.join("；")}，未创建。 / The password does not meet the policy (10+ characters, three of: upper, lower, digit, symbol).` : null;
}

/** Reads one line from the terminal in raw mode, echoing nothing. Ctrl-C cancels. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          done();
          resolve(value);
          return;
        }
        if (ch === "\u0003" || ch === "\u0004") {
          done();
          reject(new PromptCancelled());
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** Typed when there is a terminal and --generate was not given; else generated (and then printed once by the caller). */
export async function obtainPassword(generate: boolean): Promise<{ password: string; generated: boolean } | { refused: string }> {
  if (generate || !process.stdin.isTTY) return { password: generatePassword(), generated: true };
  const first = await promptHidden("新管理员的密码 / password: ");
  const second = await promptHidden("再次输入密码 / repeat password: ");
  const problem = typedPasswordProblem(first, second);
  return problem ? { refused: problem } : { password: first, generated: false };
}
