/** Median and 99th percentile of durations (nearest-rank), in the unit given. */
export function summarize(samples: number[]): { median: number; p99: number } {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { median: rank(0.5), p99: rank(0.99) };
}

/** Times `iterations` runs of `work` after `warmup` untimed ones; milliseconds per run. */
export async function measure(iterations: number, warmup: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = performance.now();
    await work(warmup + i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Prints one figure as `name value unit` (the bench's output format). */
export function report(name: string, value: number, unit: string): void {
  console.log(`${name} ${value.toFixed(3)} ${unit}`);
}
