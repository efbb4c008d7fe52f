import { performance } from 'node:perf_hooks';
import { buildCommand, formEncode, type WireContext } from '../../src/demo/slack/wire.js';
import type { FakeSlack } from '../../tests/rig/index.js';
import { freePort, memoryOf, spawnProc, startCommand, untilFirstAck } from '../latency/processes.js';
import { prepare, send } from '../latency/requests.js';
import { percentiles, round } from '../latency/stats.js';

/** The coordinator of the scale plan (plan.ts). */
const COORDINATOR = 'UKOORD0001';
const RATE_PER_S = 50;
const BASELINE_MS = 10_000;

export interface ExportUnderLoad {
  format: string;
  outcome: string;
  exportMs: number;
  baseline: { p50: number; p99: number; max: number; n: number };
  during: { p50: number; p99: number; max: number; n: number };
  rssIdleMb: number;
  rssPeakMb: number;
}

/**
 * Issue 11's last row: the bot as `npm start` runs it, on the scale plan,
 * acks `/tiltak hjelp` arriving at 50 a second, first alone for 10 s, then
 * while a coordinator's `/rapport eksport` of the whole year runs. Reads the
 * bot's resident memory every 100 ms meanwhile.
 */
export async function exportUnderLoad(
  fake: FakeSlack,
  databaseUrl: string,
  formats: string[],
  log: (line: string) => void,
): Promise<ExportUnderLoad[]> {
  const start = await startCommand();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: databaseUrl,
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  const proc = spawnProc('Tiltak', start.args, env, await freePort());
  const probe = () =>
    send(proc.port, prepare(fake, '/tiltak hjelp').body, fake.signingSecret).done.then((r) => r.status);
  try {
    await untilFirstAck(proc, performance.now(), probe);
    await load(proc.port, fake, 2_000);
    const results: ExportUnderLoad[] = [];
    for (const format of formats) {
      const baseline = await load(proc.port, fake, BASELINE_MS);
      const rssIdleMb = (await memoryOf(proc.child.pid)).rssMb;
      let rssPeakMb = rssIdleMb;
      const sampler = setInterval(() => {
        void memoryOf(proc.child.pid)
          .then((m) => (rssPeakMb = Math.max(rssPeakMb, m.rssMb)))
          .catch(() => undefined);
      }, 100);
      const started = performance.now();
      const command = exportCommand(fake, `eksport fra 2004-01-01 til 2004-12-31 format ${format}`);
      await send(proc.port, command.body, fake.signingSecret).done;
      // The export ends with its second answer on its own response_url: sent, or failed.
      const answers = () => fake.responses.filter((r) => r.id === command.responseId);
      const finished = fake
        .waitFor(() => answers().length >= 2 || undefined, 600_000)
        .then(() => {
          const reply = answers().at(-1)?.body as { text?: unknown } | undefined;
          return { ms: performance.now() - started, text: String(reply?.text ?? '') };
        });
      const during = await load(proc.port, fake, null, finished);
      const done = await finished;
      clearInterval(sampler);
      const outcome = /sendt/.test(done.text) ? 'sent' : done.text;
      const result = { format, outcome, exportMs: done.ms, baseline, during, rssIdleMb, rssPeakMb };
      results.push(result);
      log(
        `scale: /rapport eksport ${format} under ${RATE_PER_S}/s: ${outcome} in ${Math.round(done.ms)} ms; ack p99 ${during.p99} vs ${baseline.p99} ms, max ${during.max} vs ${baseline.max} ms; RSS ${Math.round(rssIdleMb)} → ${Math.round(rssPeakMb)} MB`,
      );
    }
    return results;
  } finally {
    await proc.stop();
  }
}

function exportCommand(fake: FakeSlack, text: string): { body: string; responseId: string } {
  const responseId = `export-${Date.now()}`;
  const ctx: WireContext = {
    signingSecret: fake.signingSecret,
    identity: fake.state.identity,
    responseUrl: () => fake.responseUrl(responseId),
    issueTrigger: (id) => fake.issueTrigger(id),
  };
  const fields = { command: '/rapport', user_id: COORDINATOR, text, trigger_id: `${Date.now()}.export` };
  return { body: formEncode(buildCommand(ctx, fields)), responseId };
}

/** Sends `/tiltak hjelp` at 50 a second, open loop, for `ms` or until `until` settles; the acks' times. */
async function load(
  port: number,
  fake: FakeSlack,
  ms: number | null,
  until?: Promise<unknown>,
): Promise<{ p50: number; p99: number; max: number; n: number }> {
  let stop = false;
  void until?.then(() => (stop = true));
  const acks: Array<Promise<number>> = [];
  const started = performance.now();
  for (let i = 0; !stop && (ms === null || performance.now() - started < ms); i++) {
    const sent = send(port, prepare(fake, '/tiltak hjelp').body, fake.signingSecret);
    acks.push(
      sent.done.then((r) => (r.status === 200 ? r.ms : Number.POSITIVE_INFINITY)).catch(() => Number.POSITIVE_INFINITY),
    );
    // Open loop: the next request leaves on the clock, whether or not the last was acked.
    const next = started + ((i + 1) * 1000) / RATE_PER_S;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const times = await Promise.all(acks);
  return { ...percentiles(times), max: round(Math.max(...times)) };
}
