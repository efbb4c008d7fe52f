import type { DatabaseResult, LevelResult } from './latency/latency.bench.js';
import type { ScaleResult } from './scale/scale.bench.js';

/** Issue 11's targets, each checked against its baseline from the same run. */
const ACK_P50_RATIO = 1.3;
const ACK_P99_RATIO = 2;
const ACK_P99_AT_50_MS = 100;
const ANSWER_P50_RATIO = 2;
const ANSWER_P99_AT_50_MS = { pglite: 1_000, postgres: 500 } as const;
const RSS_MB = { pglite: { idle: 300, after: 350 }, postgres: { idle: 150, after: 200 } } as const;
const FIRST_ACK_MS = { pglite: 3_000, postgres: 2_000 } as const;

const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const n = (x: number) => (Number.isFinite(x) ? (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1)) : '–');
const ratio = (a: number, b: number) => a / b;
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)}×` : '–');
const dbName = (d: DatabaseResult['database']) => (d === 'pglite' ? 'PGlite' : 'PostgreSQL');

function ackMet(db: DatabaseResult['database'], l: LevelResult): boolean {
  const p50 = ratio(l.tiltak.ack.p50, l.bolt.ack.p50);
  const p99 = ratio(l.tiltak.ack.p99, l.bolt.ack.p99);
  void db;
  return (
    p50 <= ACK_P50_RATIO &&
    p99 <= ACK_P99_RATIO &&
    (l.concurrency < 50 || l.tiltak.ack.p99 < ACK_P99_AT_50_MS) &&
    l.tiltak.failed === 0
  );
}

function answerMet(db: DatabaseResult['database'], l: LevelResult): boolean {
  const p50 = ratio(l.tiltak.answer.p50, l.boltAnswer.answer.p50);
  return (
    p50 <= ANSWER_P50_RATIO &&
    (l.concurrency < 50 || l.tiltak.answer.p99 < ANSWER_P99_AT_50_MS[db]) &&
    l.tiltak.unanswered === 0
  );
}

/** The markdown the bench prints and the README quotes. */
export function markdown(databases: readonly DatabaseResult[], scale: ScaleResult | null): string {
  const out: string[] = [];
  if (databases.length === 0) return scale === null ? '' : scaleMarkdown(scale);
  out.push(
    '| Database | Request | Conc. | Bare Bolt ack p50 / p99 (ms) | Tiltak ack p50 / p99 (ms) | Ratio p50 / p99 | Ack target |',
  );
  out.push('|---|---|---|---|---|---|---|');
  for (const d of databases) {
    for (const l of d.levels) {
      out.push(
        `| ${dbName(d.database)} | \`${l.scenario}\` | ${l.concurrency} | ${n(l.bolt.ack.p50)} / ${n(l.bolt.ack.p99)} | ${n(l.tiltak.ack.p50)} / ${n(l.tiltak.ack.p99)} | ` +
          `${times(ratio(l.tiltak.ack.p50, l.bolt.ack.p50))} / ${times(ratio(l.tiltak.ack.p99, l.bolt.ack.p99))} | ${met(ackMet(d.database, l))}${l.tiltak.failed ? ` (${l.tiltak.failed} failed)` : ''} |`,
      );
    }
  }
  out.push('');
  out.push(
    '| Database | Request | Conc. | Bare Bolt + answer p50 / p99 (ms) | Tiltak answer p50 / p99 (ms) | Ratio p50 / p99 | Answer target |',
  );
  out.push('|---|---|---|---|---|---|---|');
  for (const d of databases) {
    for (const l of d.levels) {
      out.push(
        `| ${dbName(d.database)} | \`${l.scenario}\` | ${l.concurrency} | ${n(l.boltAnswer.answer.p50)} / ${n(l.boltAnswer.answer.p99)} | ${n(l.tiltak.answer.p50)} / ${n(l.tiltak.answer.p99)} | ` +
          `${times(ratio(l.tiltak.answer.p50, l.boltAnswer.answer.p50))} / ${times(ratio(l.tiltak.answer.p99, l.boltAnswer.answer.p99))} | ${met(answerMet(d.database, l))}${l.tiltak.unanswered ? ` (${l.tiltak.unanswered} unanswered)` : ''} |`,
      );
    }
  }
  out.push('');
  out.push('| Database | | Bare Bolt | Tiltak | Target | |');
  out.push('|---|---|---|---|---|---|');
  for (const d of databases) {
    const rss = RSS_MB[d.database];
    const name = dbName(d.database);
    out.push(
      `| ${name} | RSS idle (MB) | ${n(d.bolt.rssIdleMb)} | ${n(d.tiltak.rssIdleMb)} | < ${rss.idle} | ${met(d.tiltak.rssIdleMb < rss.idle)} |`,
    );
    out.push(
      `| ${name} | RSS after the load (MB) | ${n(d.bolt.rssAfterMb)} | ${n(d.tiltak.rssAfterMb)} | < ${rss.after} | ${met(d.tiltak.rssAfterMb < rss.after)} |`,
    );
    out.push(
      `| ${name} | Spawn to first ack (s) | ${(d.bolt.spawnToFirstAckMs / 1000).toFixed(2)} | ${(d.tiltak.spawnToFirstAckMs / 1000).toFixed(2)} | ≤ ${FIRST_ACK_MS[d.database] / 1000} | ${met(d.tiltak.spawnToFirstAckMs <= FIRST_ACK_MS[d.database])} |`,
    );
    out.push(`| ${name} | First start, empty database (s) | | ${(d.tiltakFirstStartMs / 1000).toFixed(2)} | | |`);
  }
  if (scale !== null) {
    out.push('');
    out.push(scaleMarkdown(scale));
  }
  return out.join('\n');
}

function scaleMarkdown(scale: ScaleResult): string {
  const out: string[] = [];
  out.push(`Scale on PostgreSQL: ${scale.plan} (generated with SQL in ${(scale.generateMs / 1000).toFixed(1)} s).`);
  out.push('');
  out.push('| What | Baseline | Baseline time | Time | Ratio | Queries | Peak RSS above idle (MB) | Target | |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const row of scale.rows) {
    out.push(
      `| ${row.what}${row.note === undefined ? '' : ` (${row.note})`} | ${row.baseline} | ${row.baselineMs === null ? '–' : `${n(row.baselineMs)} ms`} | ${n(row.ms)} ms | ${row.baselineMs === null ? '–' : times(row.ms / row.baselineMs)} | ${row.queries ?? '–'} | ${row.peakAboveIdleMb === null ? '–' : n(row.peakAboveIdleMb)} | ${row.target} | ${met(row.met)} |`,
    );
  }
  return out.join('\n');
}
