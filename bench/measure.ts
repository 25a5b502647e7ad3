/** Medians, not means: one slow run (GC, another process on the two cores) should not move the figure. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times (each with fresh setup) and returns the median of the timed part in milliseconds. */
export async function medianMs<S>(runs: number, setup: () => S | Promise<S>, fn: (state: S) => unknown, teardown?: (state: S) => void): Promise<{ median: number; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = await setup();
    const start = performance.now();
    await fn(state);
    times.push(performance.now() - start);
    teardown?.(state);
  }
  return { median: median(times), runs: times };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const value = f.unit === '×' ? f.value.toFixed(2) : f.value >= 100 ? f.value.toFixed(0) : f.value.toFixed(f.value >= 10 ? 1 : 3);
    console.log(`  ${f.name.padEnd(width)}  ${value.padStart(10)} ${f.unit}${f.note ? `   ${f.note}` : ''}`);
  }
}
