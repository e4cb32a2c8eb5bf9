// The output format of `npm run bench` (DESIGN §6): one JSON object a line on stdout,
// {"name","value","unit","baseline"?,"ratio"?}, ratio = value ÷ baseline in the same unit.
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

/** Timings are noisy past three significant digits; more would only look precise. */
export const significant = (x: number, digits = 3): number => Number(x.toPrecision(digits));

export function report(name: string, unit: string, value: number, baseline?: number): void {
  const line: BenchLine = { name, value: significant(value), unit };
  if (baseline !== undefined) {
    line.baseline = significant(baseline);
    // From the printed numbers, so a reader can check value ÷ baseline.
    line.ratio = significant(line.value / line.baseline);
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Progress for whoever watches; stdout stays machine-readable. */
export const progress = (text: string) => process.stderr.write(`${text}\n`);
