import type { WebClient } from '@slack/web-api';
import { remindersJob } from '../../src/features/reminders/jobs/reminders.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { Database } from '../../src/kernel/db/open-database.js';
import type { Deps } from '../../src/kernel/deps.js';
import type { JobReport } from '../../src/kernel/jobs/job.js';
import { runJobs } from '../../src/kernel/jobs/scheduler.js';
import { FakeSlack } from '../rig/fake-slack.js';
import type { StoredMessage } from '../rig/slack-state.js';
import { BOT_TOKEN, seedPlan } from '../support/harness.js';
import { createTestDatabase, truncateAll } from '../support/test-database.js';
import { rigConfig, rigDeps, rigSlack } from './digest-support.js';

/** The reminders job against the fake Slack without Bolt, run the way the scheduler and `npm run jobs` run it. */
export interface ReminderRig {
  fake: FakeSlack;
  db: Database;
  deps: Deps;
  slack: WebClient;
  /** runJobs with the reminders job at `at`: a job that throws is reported, as on a real tick. */
  run(at: string | Date, options?: { dryRun?: boolean; prisma?: PrismaClient }): Promise<JobReport>;
  reset(planFile?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startReminderRig(planFile?: string): Promise<ReminderRig> {
  const fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
  const db = await createTestDatabase();
  await seedPlan(db, planFile);
  const config = rigConfig(fake);
  const deps = rigDeps(db.prisma, config);
  const slack = rigSlack(config);
  return {
    fake,
    db,
    deps,
    slack,
    async run(at, options = {}) {
      const when = new Date(at);
      const runDeps = { ...deps, prisma: options.prisma ?? deps.prisma };
      const [report] = await runJobs(runDeps, slack, [remindersJob()], when, options.dryRun ?? false);
      return report as JobReport;
    },
    async reset(file = planFile) {
      await truncateAll(db);
      await seedPlan(db, file);
      fake.reset();
    },
    async stop() {
      await db.close();
      await fake.stop();
    },
  };
}

export function ledgerKeyOf(message: StoredMessage): string | undefined {
  const metadata = message.metadata as { event_payload?: { ledger_key?: string } } | undefined;
  return metadata?.event_payload?.ledger_key;
}

/** Every reminder DM the fake holds, as its ledger key, in the order Slack accepted them. */
export function sentKeys(fake: FakeSlack): string[] {
  return fake.state
    .allMessages()
    .filter((m) => m.channel.startsWith('D'))
    .map((m) => ledgerKeyOf(m) ?? `(no key) ${m.channel}`);
}

/**
 * A Prisma client that "crashes" when it would record a send: Slack has the
 * message, the ledger does not, exactly the window a process death opens.
 */
export function crashingOnMarkSent(prisma: PrismaClient, shouldCrash: () => boolean): PrismaClient {
  return new Proxy(prisma, {
    get(target, prop) {
      if (prop === '$executeRawUnsafe') {
        return (sql: string, ...args: unknown[]) =>
          sql.includes("state = 'SENT'") && shouldCrash()
            ? Promise.reject(new Error('simulated crash after Slack accepted'))
            : target.$executeRawUnsafe(sql, ...args);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface UpdateRow {
  measure: number;
  agency: string;
  at: string | Date;
  seriesId?: string;
  version?: number;
  status?: 'ON_TRACK' | 'COMPLETED' | 'DELAYED';
}

/** Writes updates directly, with the instant they were made: the loader ignores rows after the instant it asks about. */
export async function addReports(prisma: PrismaClient, rows: readonly UpdateRow[]): Promise<void> {
  const [measures, agencies, author] = await Promise.all([
    prisma.measure.findMany({ select: { id: true, number: true } }),
    prisma.agency.findMany({ select: { id: true, code: true } }),
    prisma.person.findFirstOrThrow({ where: { role: 'COORDINATOR' } }),
  ]);
  await prisma.update.createMany({
    data: rows.map((r, i) => ({
      seriesId: r.seriesId ?? `series-${r.measure}-${r.agency}-${new Date(r.at).getTime()}-${i}`,
      version: r.version ?? 1,
      measureId: measures.find((m) => m.number === r.measure)?.id ?? -1,
      agencyId: agencies.find((a) => a.code === r.agency)?.id ?? -1,
      authorId: author.id,
      onBehalf: true,
      status: r.status ?? 'ON_TRACK',
      done: 'Rapportert.',
      periodDate: new Date(r.at),
      createdAt: new Date(r.at),
    })),
  });
}
