import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextAttemptAt } from '../../src/features/reminders/jobs/reminders-ledger.js';
import { BOT_TOKEN } from '../support/harness.js';
import { usesPostgres } from '../support/test-database.js';
import { EXPECTED_QUARTER } from './reminders-quarter-expected.js';
import { driveQuarter, QUARTER_PLAN, seedQuarter } from './reminders-quarter-support.js';
import { type ReminderRig, sentKeys, startReminderRig } from './reminders-support.js';

const WORKER = new URL('./reminders-worker.ts', import.meta.url).pathname;

/** A bot instance in a process of its own, ticked over stdin. */
class Worker {
  private readonly waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  private readonly lines: string[] = [];
  private stderr = '';
  private exited: Error | null = null;

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next.resolve(line);
      else this.lines.push(line);
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      this.stderr = `${this.stderr}${chunk.toString('utf8')}`.slice(-4000);
    });
    proc.once('exit', (code, signal) => {
      this.exited = new Error(`worker exited (${code ?? signal}): ${this.stderr}`);
      for (const w of this.waiting.splice(0)) w.reject(this.exited);
    });
  }

  static async start(env: Record<string, string>): Promise<Worker> {
    const proc = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const worker = new Worker(proc);
    const ready = await worker.next();
    if (ready !== 'ready') throw new Error(`worker said ${ready}`);
    return worker;
  }

  next(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.exited !== null) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async tick(at: Date): Promise<string[]> {
    this.proc.stdin.write(`${at.toISOString()}\n`);
    return (JSON.parse(await this.next()) as { lines: string[] }).lines;
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }
}

let rig: ReminderRig;
let workers: Worker[] = [];
let env: Record<string, string>;

describe.skipIf(!usesPostgres())('three worker processes on one PostgreSQL schema', () => {
  beforeAll(async () => {
    rig = await startReminderRig(QUARTER_PLAN);
    await seedQuarter(rig.db.prisma, rig.deps.config);
    const target = rig.db.target;
    if (target.kind !== 'postgres' || target.schema === null) throw new Error('needs a PostgreSQL schema');
    const url = new URL(target.url);
    url.searchParams.set('schema', target.schema);
    env = {
      DATABASE_URL: url.toString(),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: rig.fake.apiUrl,
      LOG_LEVEL: 'silent',
    };
    workers = await Promise.all([0, 1, 2].map(() => Worker.start(env)));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.kill();
    await rig?.stop();
  });

  it('send the same single set of DMs over the simulated quarter, even when one is killed mid-send', async () => {
    const killAt = new Date('2004-03-25T09:00:00+01:00');
    let kills = 0;
    const ticks = await driveQuarter(
      rig.deps.config,
      async (at) => {
        if (at.getTime() !== killAt.getTime()) {
          await Promise.all(workers.map((w) => w.tick(at)));
          return;
        }
        // The first takes the tick alone and is killed as soon as Slack has its first message, holding
        // the rest of its claimed batch; the other two then take the same tick, and it is restarted.
        const posts = rig.fake.callsTo('chat.postMessage').length;
        const [victim, ...others] = workers as [Worker, ...Worker[]];
        void victim.tick(at).catch(() => undefined);
        await rig.fake.waitFor(() => rig.fake.callsTo('chat.postMessage').length > posts, 10_000);
        victim.kill();
        kills++;
        await Promise.all(others.map((w) => w.tick(at)));
        workers = [await Worker.start(env), ...others];
      },
      () => nextAttemptAt(rig.db.prisma),
    );
    expect(kills).toBe(1);
    // The killed worker's claims waited out their lease and were taken over, Slack checked first.
    expect(await rig.db.prisma.reminderLedger.count({ where: { attempts: { gt: 1 } } })).toBeGreaterThan(0);
    expect(rig.fake.callsTo('conversations.history').length).toBeGreaterThan(0);
    const keys = sentKeys(rig.fake);
    expect(new Set(keys).size, 'no DM twice').toBe(keys.length);
    expect([...keys].sort()).toEqual(EXPECTED_QUARTER.map((line) => line.slice(17)).sort());
    expect(
      await rig.db.prisma.reminderLedger.count({ where: { state: { in: ['PENDING', 'RETRY', 'SENDING'] } } }),
    ).toBe(0);
    expect(ticks).toBeLessThan(200);
  }, 300_000);
});
