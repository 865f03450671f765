#!/usr/bin/env node
// Lint step: every file path named in the docs and in code comments resolves to a file or folder of the project.
// Two kinds of reference are checked in the tracked .md, .ts, .tsx, .mjs and .sh files:
//  - a path under a top-level folder of the project (`lib/dal/units.ts`, `docs/design.md`, `e2e/`): it must exist;
//  - a bare file name with a code or doc extension (`fast-paths.test.ts`): some tracked file must have that name.
// Route paths are written with their brackets (`app/(work)/fill/[year]/page.tsx`). A reference to another
// repository or a generated file is written as a URL or without the extension. Exit 1 names each broken reference.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The broken references of the project at root, as "file: reference". */
export function findBrokenReferences(root) {
  const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .filter((f) => fs.existsSync(path.join(root, f)));
  const TOP = ["app", "components", "lib", "db", "e2e", "scripts", "tests", "bench", "docs", "spec", "public", ".ci"];
  // No ".js": the project has none, and "Next.js", "Auth.js", "postgres.js" are names, not files.
  const EXT = "(?:ts|tsx|mjs|md|json|sql|sh|css)";
  const pathRe = new RegExp(`(?<![\\w@/.-])(?:\\./)?((?:${TOP.map((t) => t.replace(".", "\\.")).join("|")})/[\\w\\-./\\[\\]()]*)`, "g");
  const bareRe = new RegExp(`(?<![\\w@/.:*-])([\\w-]+(?:\\.[\\w-]+)*\\.${EXT})(?![\\w/])`, "g");
  const basenames = new Set(tracked.map((f) => path.basename(f)));
  const ROOT_FILES = new Set(tracked.filter((f) => !f.includes("/")));

  /** The text a reader sees as prose: the whole of a Markdown file, the comments of a code file. */
  function proseOf(file, text) {
    if (file.endsWith(".md")) return text.replace(/\]\((https?:[^)]*)\)/g, "]");
    if (file.endsWith(".sh")) return text.split("\n").map((l) => (/^\s*#/.test(l) ? l : "")).join("\n");
    const out = [];
    for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:"'`\\])\/\/[^\n]*/g)) out.push(m[0]);
    return out.join("\n");
  }

  /** A file or folder, a module specifier without its extension, or a generated file that git ignores. */
  function resolves(ref) {
    const abs = path.join(root, ref);
    if ([abs, ...[".ts", ".tsx", ".mjs", "/index.ts"].map((e) => abs + e)].some((p) => fs.existsSync(p))) return true;
    try {
      execFileSync("git", ["check-ignore", "-q", ref], { cwd: root });
      return true;
    } catch {
      return false;
    }
  }

  const broken = [];
  for (const file of tracked) {
    if (!/\.(md|ts|tsx|mjs|sh)$/.test(file) || file.includes("node_modules/") || file.startsWith("db/migrations/")) continue;
    const prose = proseOf(file, fs.readFileSync(path.join(root, file), "utf8")).replace(/https?:\/\/\S+/g, "");
    for (const m of prose.matchAll(pathRe)) {
      const ref = m[1].replace(/[.,:;)]+$/, "").replace(/\/$/, "");
      if (!resolves(ref)) broken.push(`${file}: ${ref}`);
    }
    for (const m of prose.matchAll(bareRe)) {
      const name = m[1];
      if (name.includes("/") || basenames.has(name) || ROOT_FILES.has(name)) continue;
      broken.push(`${file}: ${name}`);
    }
  }
  return { files: tracked.length, broken: [...new Set(broken)] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, broken } = findBrokenReferences(path.resolve(import.meta.dirname, ".."));
  if (broken.length) {
    console.error(`References to files that do not exist (${broken.length}):`);
    for (const b of broken) console.error(`  ${b}`);
    process.exit(1);
  }
  console.log(`check-references: every path named in ${files} files resolves.`);
}
