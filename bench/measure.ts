import { performance } from 'node:perf_hooks';

export interface Bench {
  name: string;
  /** What the subject is compared with, measured in the same run. */
  baselineName: string;
  setup(): Promise<void>;
  baseline(): Promise<void>;
  subject(): Promise<void>;
  teardown(): Promise<void>;
  rounds?: number;
}

export interface BenchResult {
  name: string;
  baselineName: string;
  baselineMedianMs: number;
  subjectMedianMs: number;
  ratio: number;
  ratioP90: number;
}

const median = (xs: number[]) => quantile(xs, 0.5);

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function time(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Baseline and subject alternate round by round, so that a noisy neighbour
 * slows both alike; the figure reported is the ratio, per round, of the two.
 */
export async function runBench(bench: Bench): Promise<BenchResult> {
  const rounds = bench.rounds ?? 30;
  await bench.setup();
  try {
    for (let i = 0; i < 3; i++) {
      await bench.baseline();
      await bench.subject();
    }
    const base: number[] = [];
    const subject: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const b = await time(() => bench.baseline());
      const s = await time(() => bench.subject());
      base.push(b);
      subject.push(s);
      ratios.push(s / b);
    }
    return {
      name: bench.name,
      baselineName: bench.baselineName,
      baselineMedianMs: median(base),
      subjectMedianMs: median(subject),
      ratio: median(ratios),
      ratioP90: quantile(ratios, 0.9),
    };
  } finally {
    await bench.teardown();
  }
}
