import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import {
  type DatabaseKind,
  type DatabaseResult,
  postgresReachable,
  runLatency,
  SCENARIOS,
} from './latency/latency.bench.js';
import type { Scenario } from './latency/requests.js';
import { runStartupAB, type StartupVariant } from './latency/startup.bench.js';
import { type BenchResult, runBench } from './measure.js';
import { planImportBench } from './plan-import.bench.js';
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
 * BENCH_PARTS      latency,scale,startup,micro (default latency,scale)
 * BENCH_POSTGRES_URL  default postgresql://postgres@127.0.0.1:5432/test (a schema of its own, dropped after)
 * BENCH_SCALE_UPDATES  updates in the scale plan (default 100000)
 * BENCH_SCALE_REPORTS  reports to build: csv,md,docx (one year), docx-month (default all four)
 * BENCH_SCALE_EXPORTS  formats of the year's /rapport eksport run in the bot under 50 commands/s (default md,docx)
 */
/** `npm run bench -- --table [file]`: the table of an earlier run, from its results file, without running anything. */
if (process.argv[2] === '--table') {
  const file = process.argv[3] === undefined ? new URL('results.json', import.meta.url) : process.argv[3];
  const saved = JSON.parse(await readFile(file, 'utf8')) as { databases: DatabaseResult[]; scale: ScaleResult | null };
  console.log(markdown(saved.databases, saved.scale));
  process.exit(0);
}

const env = process.env;
const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const notes: string[] = [];
const databases: DatabaseResult[] = [];
let scale: ScaleResult | null = null;
const micro: BenchResult[] = [];
let startup: StartupVariant[] | null = null;
/** Written after every part, so that a part that fails keeps the figures of those before it. */
const save = () =>
  writeFile(
    new URL('results.json', import.meta.url),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        commit,
        machine: {
          cpus: cpus().length,
          memoryMb: Math.round(totalmem() / 2 ** 20),
          node: process.version,
          loadAverage: loadavg(),
        },
        settings: { requests, levels, scenarios, parts: [...parts] },
        notes,
        databases,
        scale,
        startup,
        micro,
      },
      null,
      2,
    )}\n`,
  );
if (parts.has('latency')) {
  for (const database of list(env.BENCH_DATABASES, 'pglite,postgres') as DatabaseKind[]) {
    if (database === 'postgres' && !(await postgresReachable(postgresUrl))) {
      notes.push(`PostgreSQL at ${postgresUrl} was not reachable: its rows are missing.`);
      continue;
    }
    databases.push(await runLatency(database, { requests, levels, scenarios, postgresUrl }, log));
    await save();
  }
}

if (parts.has('scale')) {
  if (await postgresReachable(postgresUrl)) {
    scale = await runScale(
      {
        postgresUrl,
        updates: Number(env.BENCH_SCALE_UPDATES ?? 100_000),
        reports: list(env.BENCH_SCALE_REPORTS, 'csv,md,docx,docx-month'),
        exportsUnderLoad: list(env.BENCH_SCALE_EXPORTS, 'md,docx'),
      },
      log,
    );
    await save();
  } else {
    notes.push(`PostgreSQL at ${postgresUrl} was not reachable: no scale figures.`);
  }
}

if (parts.has('startup')) {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  startup = await runStartupAB(Number(env.BENCH_STARTUP_ROUNDS ?? 3), log);
  await save();
}

if (parts.has('micro')) {
  const r = await runBench(planImportBench());
  micro.push(r);
  log(`${r.name}: ${r.ratio.toFixed(1)}× ${r.baselineName}`);
}

await save();
console.log(markdown(databases, scale));
if (startup !== null) {
  console.log(
    '\n| Start command (PGlite, restart) | Spawn to first ack, median (ms) | RSS idle, median (MB) |\n|---|---|---|',
  );
  for (const v of startup) console.log(`| \`${v.name}\` | ${v.spawnToFirstAckMs.median} | ${v.rssIdleMb.median} |`);
}
for (const note of notes) console.log(`\n${note}`);
