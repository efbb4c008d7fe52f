import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { postgresReachable, runLatency, SCENARIOS, type DatabaseKind, type DatabaseResult } from './latency/latency.bench.js';
import { runBench } from './measure.js';
import { planImportBench } from './plan-import.bench.js';
import type { Scenario } from './latency/requests.js';
import { runScale, type ScaleResult } from './scale/scale.bench.js';
import { markdown } from './table.js';

/**
 * `npm run bench`: issue 11's measurements, each against a baseline taken
 * in the same run. Writes bench/results.json and prints the markdown table.
 *
 * BENCH_REQUESTS   requests per scenario and concurrency (default 2000)
 * BENCH_QUICK=1    100 requests, for development
 * BENCH_LEVELS     concurrency levels (default 1,10,50)
 * BENCH_DATABASES  pglite,postgres (default both; PostgreSQL is skipped, and said so, when unreachable)
 * BENCH_SCENARIOS  a comma list out of: /tiltak, /tiltak <nr>, /tiltak hjelp, button
 * BENCH_PARTS      latency,scale,micro (default latency,scale)
 * BENCH_POSTGRES_URL  default postgresql://postgres@127.0.0.1:5432/test (a schema of its own, dropped after)
 * BENCH_SCALE_UPDATES  updates in the scale plan (default 100000)
 */
const env = process.env;
const list = (value: string | undefined, fallback: string) => (value ?? fallback).split(',').map((s) => s.trim()).filter(Boolean);
const quick = env.BENCH_QUICK === '1';
const requests = Number(env.BENCH_REQUESTS ?? (quick ? 100 : 2000));
const levels = list(env.BENCH_LEVELS, '1,10,50').map(Number);
const parts = new Set(list(env.BENCH_PARTS, 'latency,scale'));
const scenarios = list(env.BENCH_SCENARIOS, SCENARIOS.join(',')).map((s) => {
  if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`BENCH_SCENARIOS: unknown scenario ${s}`);
  return s as Scenario;
});
const postgresUrl = env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.error(line);

const notes: string[] = [];
const databases: DatabaseResult[] = [];
if (parts.has('latency')) {
  for (const database of list(env.BENCH_DATABASES, 'pglite,postgres') as DatabaseKind[]) {
    if (database === 'postgres' && !(await postgresReachable(postgresUrl))) {
      notes.push(`PostgreSQL at ${postgresUrl} was not reachable: its rows are missing.`);
      continue;
    }
    databases.push(await runLatency(database, { requests, levels, scenarios, postgresUrl }, log));
  }
}

let scale: ScaleResult | null = null;
if (parts.has('scale')) {
  if (await postgresReachable(postgresUrl)) {
    scale = await runScale({ postgresUrl, updates: Number(env.BENCH_SCALE_UPDATES ?? 100_000) }, log);
  } else {
    notes.push(`PostgreSQL at ${postgresUrl} was not reachable: no scale figures.`);
  }
}

const micro = [];
if (parts.has('micro')) {
  const r = await runBench(planImportBench());
  micro.push(r);
  log(`${r.name}: ${r.ratio.toFixed(1)}× ${r.baselineName}`);
}

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const results = {
  at: new Date().toISOString(),
  commit,
  machine: { cpus: cpus().length, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version },
  settings: { requests, levels, scenarios, parts: [...parts] },
  notes,
  databases,
  scale,
  micro,
};
await writeFile(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(markdown(databases, scale));
for (const note of notes) console.log(`\n${note}`);
