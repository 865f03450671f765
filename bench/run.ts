// `npm run bench`: how long the report core takes per report (see bench/README.md). Measures only; asserts nothing.
// Prints a table and writes bench/results.json (git-ignored).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
import { benchAutosave } from "./autosave";
import { benchKeystroke } from "./keystroke";
import { benchRollup } from "./rollup";
import { measure, printTable } from "./measure";
import { benchPublic } from "./public";
import {
  computeTotals,
  getFormat,
  parseInterchange,
  serializeInterchange,
  validateReport,
  type ReportData,
} from "../lib/report-format";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

// (a) One full 2021 report: the 2025 report of the busiest demo unit, validated with its 2024 report (X-* rules run).
const busiest = [...DEMO_FILERS].sort((a, b) => b.weight - a.weight)[0]!;
const [previous, current] = generateDemoSeries(busiest, [2024, 2025]) as [ReportData, ReportData];
const format2021 = getFormat("2021");

// (b) 1,000 different 2021 reports as JSON text: every demo unit, 31 consecutive years each, the first 1,000.
const YEARS = Array.from({ length: 31 }, (_, i) => 2021 + i);
const texts2021 = DEMO_FILERS.flatMap((unit) => generateDemoSeries(unit, YEARS))
  .slice(0, 1000)
  .map((report) => JSON.stringify(serializeInterchange(report)));

// (c) The real 2019 report of the 同心县 county office (long narratives), 1,000 times.
const tongxinText = fs.readFileSync(path.join(ROOT, "lib/report-format/fixtures/tongxin-2019.json"), "utf8");

/** What an import followed by an export does to one document: JSON text in, JSON text out. */
function roundTrip(text: string): string {
  const parsed = parseInterchange(JSON.parse(text));
  return JSON.stringify(serializeInterchange(parsed.report));
}

const results = [
  measure("2021 report: computeTotals + validateReport (with previous year)", 2000, 200, () => {
    computeTotals(format2021, current.values);
    return validateReport(current, { previous });
  }),
  measure("2021 documents: parse + validate + serialize (1,000 reports)", 1000, 100, (i) => roundTrip(texts2021[i]!)),
  measure("2019 tongxin fixture: parse + validate + serialize", 1000, 100, () => roundTrip(tongxinText)),
];

results.push(...(await benchAutosave()));
results.push(...(await benchKeystroke()));
results.push(...(await benchRollup()));

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log("targets: report core median < 1 ms; autosave p95 < 50 ms on PGlite; keystroke to totals < 16 ms (one frame)");
printTable(results);

const publicPages = await benchPublic();
if (publicPages) {
  const line = (r: { name: string; requests_per_sec: number; p50_ms: number; p99_ms: number }) =>
    `    ${r.name}: ${r.requests_per_sec.toFixed(0)} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms`;
  console.log("\npublic page under 50 connections (autocannon, 8 s each); targets: ≥ 0.3× plain, p99 < 50 ms");
  for (const pair of publicPages.pairs) {
    console.log(`  ${pair.label}`);
    console.log(line(pair.app));
    console.log(line(pair.plain));
    console.log(`    ratio app / plain: ${(pair.app.requests_per_sec / pair.plain.requests_per_sec).toFixed(2)}`);
    if (pair.wrk) {
      console.log(line(pair.wrk.app));
      console.log(line(pair.wrk.plain));
      console.log(`    ratio app / plain (wrk): ${(pair.wrk.app.requests_per_sec / pair.wrk.plain.requests_per_sec).toFixed(2)}`);
    }
  }
  console.log(line(publicPages.next_alone).replace(/^ {4}/, "  "));
  console.log(`  JavaScript (gzip): page ${publicPages.js.page_gzip_bytes} B, /_not-found ${publicPages.js.not_found_gzip_bytes} B, difference ${publicPages.js.page_gzip_bytes - publicPages.js.not_found_gzip_bytes} B (target ≤ 5 kB)`);
}

fs.writeFileSync(path.join(HERE, "results.json"), `${JSON.stringify({ core: results, publicPages }, null, 2)}\n`);
console.log(`\nwritten: ${path.relative(process.cwd(), path.join(HERE, "results.json"))}`);
