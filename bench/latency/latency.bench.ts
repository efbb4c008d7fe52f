import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { FakeSlack } from '../../tests/rig/index.js';
import { AnswerClock, runChunk, type Sample, type Target } from './load.js';
import { bareBoltArgs, freePort, memoryOf, type Proc, spawnProc, startCommand, untilFirstAck } from './processes.js';
import { prepare, SCENARIOS, type Scenario, send } from './requests.js';
import { type Percentiles, percentiles, round } from './stats.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface LatencyOptions {
  requests: number;
  levels: number[];
  scenarios: readonly Scenario[];
  postgresUrl: string;
}

export interface TargetFigures {
  ack: Percentiles;
  answer: Percentiles;
  failed: number;
  unanswered: number;
}

export interface LevelResult {
  scenario: Scenario;
  concurrency: number;
  /** Bare Bolt that only acks: the ack baseline. */
  bolt: TargetFigures;
  /** Bare Bolt that acks and posts a fixed answer to response_url: the answer baseline. */
  boltAnswer: TargetFigures;
  tiltak: TargetFigures;
}

export interface ProcessFigures {
  spawnToFirstAckMs: number;
  rssIdleMb: number;
  rssAfterMb: number;
  peakRssMb: number;
}

export interface DatabaseResult {
  database: DatabaseKind;
  startScript: string;
  /** The bot's first start on an empty database: migrations and the plan import included. */
  tiltakFirstStartMs: number;
  tiltak: ProcessFigures;
  bolt: ProcessFigures;
  boltAnswer: ProcessFigures;
  levels: LevelResult[];
}

const PLAN_FILE = 'tests/fixtures/small-plan.yaml';
const SETTLE_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Is the PostgreSQL server the bench was pointed at there at all? */
export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * The real bot process beside its two bare-Bolt baselines, all against one
 * fake Slack, on one database: start-up, memory, and every scenario at every
 * concurrency, the three targets taking turns chunk by chunk so that a noisy
 * neighbour on this shared machine slows them alike.
 */
export async function runLatency(
  database: DatabaseKind,
  options: LatencyOptions,
  log: (line: string) => void,
): Promise<DatabaseResult> {
  const clock = new AnswerClock();
  const fake = await new FakeSlack({ onArrival: clock.onArrival }).start();
  const procs: Proc[] = [];
  const schema = `tiltak_bench_${process.pid}`;
  let dataDir: string | null = null;
  try {
    const probe = (port: number) => () =>
      send(port, prepare(fake, '/tiltak hjelp').body, fake.signingSecret).done.then((r) => r.status);
    const common = {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
    };

    const boltArgs = await bareBoltArgs();
    const startBolt = async (mode: 'ack' | 'answer') => {
      const spawnedAt = performance.now();
      const proc = spawnProc(`bare Bolt (${mode})`, boltArgs, { ...common, BENCH_MODE: mode }, await freePort());
      procs.push(proc);
      return { proc, ms: await untilFirstAck(proc, spawnedAt, probe(proc.port)) };
    };
    const bolt = await startBolt('ack');
    const boltAnswer = await startBolt('answer');

    let databaseUrl: string;
    if (database === 'pglite') {
      dataDir = await mkdtemp(join(tmpdir(), 'tiltak-bench-'));
      databaseUrl = `file:${dataDir}`;
    } else {
      await dropSchema(options.postgresUrl, schema);
      const url = new URL(options.postgresUrl);
      url.searchParams.set('schema', schema);
      databaseUrl = url.toString();
    }
    const start = await startCommand();
    // BENCH_TILTAK_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the bot under the load.
    const nodeArgs = (process.env.BENCH_TILTAK_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
    const args = [...nodeArgs, ...start.args];
    const env = { ...common, DATABASE_URL: databaseUrl, PLAN_FILE };
    const startTiltak = async () => {
      const spawnedAt = performance.now();
      const proc = spawnProc('Tiltak', args, env, await freePort());
      procs.push(proc);
      return { proc, ms: await untilFirstAck(proc, spawnedAt, probe(proc.port)) };
    };
    const first = await startTiltak();
    await first.proc.stop();
    procs.splice(procs.indexOf(first.proc), 1);
    // The figure that matters is a restart on a database that is already there.
    const tiltak = await startTiltak();
    log(
      `${database}: spawn to first ack ${Math.round(tiltak.ms)} ms (first start ${Math.round(first.ms)} ms), bare Bolt ${Math.round(bolt.ms)} ms`,
    );

    await sleep(SETTLE_MS);
    const idle = await Promise.all([tiltak, bolt, boltAnswer].map((p) => memoryOf(p.proc.child.pid)));

    const targets: Record<'tiltak' | 'bolt' | 'boltAnswer', Target> = {
      tiltak: { name: 'Tiltak', port: tiltak.proc.port, answers: true },
      bolt: { name: 'bare Bolt', port: bolt.proc.port, answers: false },
      boltAnswer: { name: 'bare Bolt + answer', port: boltAnswer.proc.port, answers: true },
    };
    // Warm every path once (JIT, Prisma's first queries) before anything is counted.
    for (const scenario of options.scenarios) {
      for (const target of Object.values(targets)) await runChunk(fake, clock, target, scenario, 10, 2);
    }
    fake.reset();

    const levels: LevelResult[] = [];
    for (const scenario of options.scenarios) {
      for (const concurrency of options.levels) {
        const samples = { tiltak: [] as Sample[], bolt: [] as Sample[], boltAnswer: [] as Sample[] };
        const chunk = Math.max(concurrency * 4, 20);
        const order = ['bolt', 'tiltak', 'boltAnswer'] as const;
        let round = 0;
        while (samples.tiltak.length < options.requests) {
          const count = Math.min(chunk, options.requests - samples.tiltak.length);
          for (let i = 0; i < order.length; i++) {
            const key = order[(i + round) % order.length] as keyof typeof samples;
            samples[key].push(...(await runChunk(fake, clock, targets[key], scenario, count, concurrency)));
          }
          round += 1;
          // The fake keeps every call; keep its memory (and the bench's) flat.
          fake.reset();
        }
        const result: LevelResult = {
          scenario,
          concurrency,
          bolt: figures(samples.bolt, false),
          boltAnswer: figures(samples.boltAnswer),
          tiltak: figures(samples.tiltak),
        };
        levels.push(result);
        log(
          `${database} ${scenario} ×${concurrency}: ack p50 ${result.tiltak.ack.p50} vs ${result.bolt.ack.p50} ms, p99 ${result.tiltak.ack.p99} vs ${result.bolt.ack.p99} ms; ` +
            `answer p50 ${result.tiltak.answer.p50} vs ${result.boltAnswer.answer.p50} ms, p99 ${result.tiltak.answer.p99} vs ${result.boltAnswer.answer.p99} ms`,
        );
      }
    }
    const after = await Promise.all([tiltak, bolt, boltAnswer].map((p) => memoryOf(p.proc.child.pid)));
    const processFigures = (i: number, ms: number): ProcessFigures => ({
      spawnToFirstAckMs: round(ms, 0),
      rssIdleMb: round(idle[i]?.rssMb ?? Number.NaN, 1),
      rssAfterMb: round(after[i]?.rssMb ?? Number.NaN, 1),
      peakRssMb: round(after[i]?.peakMb ?? Number.NaN, 1),
    });
    return {
      database,
      startScript: start.script,
      tiltakFirstStartMs: round(first.ms, 0),
      tiltak: processFigures(0, tiltak.ms),
      bolt: processFigures(1, bolt.ms),
      boltAnswer: processFigures(2, boltAnswer.ms),
      levels,
    };
  } finally {
    for (const proc of procs) await proc.stop();
    await fake.stop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
    if (database === 'postgres') await dropSchema(options.postgresUrl, schema).catch(() => undefined);
  }
}

function figures(samples: readonly Sample[], answers = true): TargetFigures {
  const ok = samples.filter((s) => s.ok);
  return {
    ack: percentiles(ok.map((s) => s.ackMs)),
    answer: percentiles(ok.flatMap((s) => (s.answerMs === null ? [] : [s.answerMs]))),
    failed: samples.length - ok.length,
    unanswered: answers ? ok.filter((s) => s.answerMs === null).length : 0,
  };
}

export { SCENARIOS };
