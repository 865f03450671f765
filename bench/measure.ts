// Timing helpers shared by the benchmarks: medians and percentiles of repeated runs, and the results table.
export interface Result {
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

export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Summarises samples (milliseconds) taken over a run that lasted totalMs. */
export function summarise(name: string, samples: number[], totalMs: number): Result {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    median_ms: round(median(sorted)),
    p95_ms: round(percentile(sorted, 0.95)),
    iterations: samples.length,
    total_ms: round(totalMs),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** Times `run(i)` once per iteration after `warmup` untimed calls; `sink` keeps the work from being optimised away. */
export function measure(name: string, iterations: number, warmup: number, run: (i: number) => unknown): Result {
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
  return summarise(name, samples, total);
}

export async function measureAsync(name: string, iterations: number, warmup: number, run: (i: number) => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await run(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarise(name, samples, performance.now() - start);
}

export function printTable(results: Result[]): void {
  const rows = results.map((r) => [r.name, r.median_ms.toFixed(3), r.p95_ms.toFixed(3), String(r.iterations), r.total_ms.toFixed(1)]);
  const header = ["benchmark", "median ms", "p95 ms", "iterations", "total ms"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
