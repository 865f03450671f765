// Generates initial passwords that satisfy the password policy and are easy to read out (no 0/O, 1/l/I).
import crypto from "node:crypto";
import { passwordProblems } from "./password-policy";

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "-_.+=#";
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

function pick(alphabet: string): string {
  return alphabet[crypto.randomInt(alphabet.length)]!;
}

/** 16 characters (about 95 bits), with at least one of each class, in random order. */
export function generatePassword(length = 16): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join("");
    // Never starts with a symbol: a spreadsheet would read "=..." or "+..." as a formula.
    if (/^[A-Za-z0-9]/.test(password) && passwordProblems(password).length === 0) return password;
  }
}
