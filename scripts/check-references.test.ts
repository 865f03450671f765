// The reference check finds a broken path in a doc or a comment and accepts what exists.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the lint step, without types
import { findBrokenReferences } from "./check-references.mjs";

let dir = "";
function project(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nianbao-refs-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("check-references", () => {
  it("accepts files, folders, module specifiers without extension and bare names that exist", () => {
    const root = project({
      "lib/dal/units.ts": "// See lib/dal/units and docs/design.md; the tests are in units.test.ts.\nexport const x = 'lib/nowhere.ts';\n",
      "lib/dal/units.test.ts": "",
      "docs/design.md": "The DAL is `lib/dal/` (lib/dal/units.ts). Next.js and postgres.js are names. See <https://example.org/docs/x.md>.\n",
    });
    expect(findBrokenReferences(root).broken).toEqual([]);
  });

  it("names each broken path in docs and in comments, but not in code strings", () => {
    const root = project({
      "lib/a.ts": "// moved to lib/dal/gone.ts, tested in gone.test.ts\nconst s = 'lib/dal/also-gone.ts';\n",
      "docs/design.md": "Specs: spec/formats.md.\n",
    });
    expect(findBrokenReferences(root).broken.sort()).toEqual(["docs/design.md: spec/formats.md", "lib/a.ts: gone.test.ts", "lib/a.ts: lib/dal/gone.ts"]);
  });
});
