// `npm run bench`: how long the report core takes per report (see bench/README.md). Measures only; asserts nothing.
// Prints a table and writes bench/results.json (git-ignored).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemoSeries } from "../db/demo-reports";
import { DEMO_FILERS } from "../db/demo-units";
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

interface Result {
  name: string;
  median_ms: number;
  p95_ms: number;
  iterations: number;
  /** Wall time of the whole measured run (all iterations). */
  total_ms: number;
  node: string;
  date: string;
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Times `run(i)` once per iteration after `warmup` untimed calls; `sink` keeps the work from being optimised away. */
function measure(name: string, iterations: number, warmup: number, run: (i: number) => unknown): Result {
  let sink = 0;
  const consume = (value: unknown) => {
    sink += Array.isArray(value) ? value.length : value ? 1 : 0;
  };
  for (let i = 0; i < warmup; i++) consume(run(i));
  const samples = new Array<number>(iterations);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    consume(run(i));
    samples[i] = performance.now() - t0;
  }
  const total = performance.now() - start;
  if (sink < 0) console.error(sink);
  samples.sort((a, b) => a - b);
  return {
    name,
    median_ms: round(median(samples)),
    p95_ms: round(percentile(samples, 0.95)),
    iterations,
    total_ms: round(total),
    node: process.version,
    date: new Date().toISOString(),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

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

const rows = results.map((r) => [r.name, r.median_ms.toFixed(3), r.p95_ms.toFixed(3), String(r.iterations), r.total_ms.toFixed(1)]);
const header = ["benchmark", "median ms", "p95 ms", "iterations", "total ms"];
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
console.log(`node ${process.version}, ${process.platform}/${process.arch}; target: median < 1 ms per report`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows) console.log(line(row));

fs.writeFileSync(path.join(HERE, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${path.relative(process.cwd(), path.join(HERE, "results.json"))}`);
