import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSlack } from '../../tests/rig/index.js';
import { freePort, memoryOf, spawnProc, untilFirstAck } from './processes.js';
import { prepare, send } from './requests.js';
import { quantile, round } from './stats.js';

export interface StartupVariant {
  name: string;
  args: string[];
  spawnToFirstAckMs: { median: number; runs: number[] };
  rssIdleMb: { median: number; runs: number[] };
}

/**
 * The same bot started as TypeScript under tsx and as the compiled build,
 * taking turns `rounds` times on one PGlite folder: on a busy machine only
 * an A/B like this says what compiling ahead of time saves at start-up.
 */
export async function runStartupAB(rounds: number, log: (line: string) => void): Promise<StartupVariant[]> {
  const fake = await new FakeSlack().start();
  const dataDir = await mkdtemp(join(tmpdir(), 'tiltak-bench-startup-'));
  const variants = [
    { name: 'tsx src/main.ts', args: ['--import', 'tsx', 'src/main.ts'], ms: [] as number[], rss: [] as number[] },
    { name: 'node dist/src/main.js', args: ['dist/src/main.js'], ms: [] as number[], rss: [] as number[] },
  ];
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: `file:${dataDir}`,
    PLAN_FILE: 'tests/fixtures/small-plan.yaml',
  };
  try {
    // One start creates and fills the database, so every measured start is a restart.
    for (let i = -1; i < rounds; i++) {
      for (const variant of i % 2 === 0 ? variants : [...variants].reverse()) {
        const spawnedAt = performance.now();
        const proc = spawnProc(variant.name, variant.args, env, await freePort());
        try {
          const ms = await untilFirstAck(proc, spawnedAt, () =>
            send(proc.port, prepare(fake, '/tiltak hjelp').body, fake.signingSecret).done.then((r) => r.status),
          );
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          const { rssMb } = await memoryOf(proc.child.pid);
          if (i >= 0) {
            variant.ms.push(round(ms, 0));
            variant.rss.push(round(rssMb, 1));
            log(`startup: ${variant.name} ${Math.round(ms)} ms, ${Math.round(rssMb)} MB idle`);
          }
        } finally {
          await proc.stop();
        }
        if (i < 0) break;
      }
    }
  } finally {
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return variants.map((v) => ({
    name: v.name,
    args: v.args,
    spawnToFirstAckMs: { median: quantile(v.ms, 0.5), runs: v.ms },
    rssIdleMb: { median: quantile(v.rss, 0.5), runs: v.rss },
  }));
}
