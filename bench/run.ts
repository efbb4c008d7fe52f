import { commandAckBench } from './command-ack.bench.js';
import { type Bench, runBench } from './measure.js';
import { planImportBench } from './plan-import.bench.js';

/**
 * `npm run bench [-- <name filter>]`. Prints, for each bench, the median
 * ratio of subject to baseline (and its 90th percentile); absolute medians
 * are shown for orientation only, as this machine is shared and noisy.
 */
const benches: Array<() => Bench> = [commandAckBench, planImportBench];

const filter = process.argv[2]?.toLowerCase();
for (const make of benches) {
  const bench = make();
  if (filter && !bench.name.toLowerCase().includes(filter)) continue;
  const r = await runBench(bench);
  console.log(`${r.name}`);
  console.log(`  ${r.ratio.toFixed(1)}× ${r.baselineName} (p90 ${r.ratioP90.toFixed(1)}×)`);
  console.log(`  medians: ${r.subjectMedianMs.toFixed(2)} ms vs ${r.baselineMedianMs.toFixed(2)} ms`);
}
