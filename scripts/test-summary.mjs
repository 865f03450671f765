// Prints the closing line of `npm test`: test counts from the JSON reports, and the stages that failed.
import fs from "node:fs";

const failedStages = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of ["unit", "integration"]) {
  const p = `test-results/${file}.json`;
  if (!fs.existsSync(p)) continue;
  const r = JSON.parse(fs.readFileSync(p, "utf8"));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
}
if (fs.existsSync("test-results/e2e.json")) {
  const r = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8"));
  passed += r.stats?.expected ?? 0;
  failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) + (r.errors?.length ?? 0);
}
// A failed stage without test counts (typecheck, lint, build) still counts as one failure.
for (const stage of failedStages) if (["typecheck", "lint", "build"].includes(stage)) failed += 1;
if (failedStages.length) console.log(`Failed stages: ${failedStages.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages.length || failed ? 1 : 0);
