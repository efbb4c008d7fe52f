import type { PrismaClient } from '../../../generated/prisma/client.js';
import { findPlan } from '../../../kernel/db/plan.js';
import type { Deps } from '../../../kernel/deps.js';
import { type Job, type JobContext, type JobReport, UNTIL_CHANGED } from '../../../kernel/jobs/job.js';
import { claimDue } from '../../../kernel/jobs/ledger.js';
import { focusAreas } from '../../plan/index.js';
import { buildDigest } from '../build-digest.js';
import { weekPeriod } from '../schedule.js';
import { renderDigestText } from '../views/render-text.js';
import { deliverClaimed } from './digest-delivery.js';
import { type DueDigest, dueDigests, noChannelPeriod } from './digest-due.js';
import { digestNextDueAt } from './digest-next-due.js';

const DIGEST_JOB = 'digest';

/**
 * The weekly digest per focus area. Each tick: write a ledger row for every
 * digest now due (a unique (area, week) makes that idempotent across ticks
 * and instances), then claim and send whatever is due, retries included.
 */
export function digestJob(): Job {
  return {
    name: DIGEST_JOB,
    run: runDigestJob,
    // When a digest is due depends on the plan, the areas, the coordinators and the ledger, not on what is reported.
    unaffectedBy: [
      'Update',
      'PeriodWaiver',
      'ReportingRound',
      'Absence',
      'Snooze',
      'ReminderLedger',
      'AuditLog',
      'QuotedMessage',
      'SeenRequest',
    ],
  };
}

async function runDigestJob(ctx: JobContext): Promise<JobReport> {
  const { deps, at } = ctx;
  const { prisma, config } = deps;
  const plan = await findPlan(prisma);
  if (plan === null) return { job: DIGEST_JOB, lines: [], nextDueAt: UNTIL_CHANGED };
  const areas = await focusAreas(prisma);
  const due = dueDigests(plan, areas, at, config.TZ_PLAN);
  if (ctx.dryRun) return { job: DIGEST_JOB, lines: await describe(deps, due) };

  await scheduleRows(prisma, due, at, config.COORDINATOR_CHANNEL ?? null);
  const claimed = await claimDue(prisma, 'DigestLedger', at);
  const lines: string[] = [];
  if (claimed.length > 0) {
    const rows = await prisma.digestLedger.findMany({
      where: { id: { in: claimed } },
      include: { focusArea: true },
      orderBy: { id: 'asc' },
    });
    for (const row of rows) lines.push(await deliverClaimed(deps, ctx.slack, plan, row, at));
  }
  return { job: DIGEST_JOB, lines, nextDueAt: await digestNextDueAt(prisma, plan, areas, at, config.TZ_PLAN) };
}

/**
 * Writes a row for every due digest that has none yet (a row that exists,
 * sent, sending or waiting to retry, is left alone), and an area with
 * nowhere to post gets a SKIPPED row for the record and each coordinator one
 * notice, ever. Rows are looked up first: an insert that adds nothing still
 * notifies the change feed, and would wake the scheduler every minute.
 */
async function scheduleRows(
  prisma: PrismaClient,
  due: readonly DueDigest[],
  at: Date,
  fallback: string | null,
): Promise<void> {
  if (due.length === 0) return;
  const isHomeless = (d: DueDigest) => d.area.channel === null && fallback === null;
  const homeless = due.filter(isHomeless);
  const coordinators =
    homeless.length === 0
      ? []
      : await prisma.person.findMany({
          where: { role: { in: ['COORDINATOR', 'ADMIN'] }, active: true },
          select: { slackId: true },
        });
  const rows = [
    ...due.map((d) => ({
      focusAreaId: d.area.id,
      period: d.week,
      late: d.late,
      state: isHomeless(d) ? ('SKIPPED' as const) : ('PENDING' as const),
      lastError: isHomeless(d) ? 'no_channel' : null,
      nextAttemptAt: at,
      createdAt: at,
    })),
    ...homeless.flatMap((d) =>
      coordinators.map((c) => ({
        focusAreaId: d.area.id,
        period: noChannelPeriod(c.slackId),
        nextAttemptAt: at,
        createdAt: at,
      })),
    ),
  ];
  const existing = await prisma.digestLedger.findMany({
    where: { OR: rows.map((r) => ({ focusAreaId: r.focusAreaId, period: r.period })) },
    select: { focusAreaId: true, period: true },
  });
  const known = new Set(existing.map((e) => `${e.focusAreaId} ${e.period}`));
  const fresh = rows.filter((r) => !known.has(`${r.focusAreaId} ${r.period}`));
  if (fresh.length > 0) await prisma.digestLedger.createMany({ data: fresh, skipDuplicates: true });
}

/** --dry-run: what each due digest would say, and whether it has gone out already. */
async function describe(deps: Deps, due: readonly DueDigest[]): Promise<string[]> {
  const { prisma, config } = deps;
  const existing = await prisma.digestLedger.findMany({
    where: { OR: due.map((d) => ({ focusAreaId: d.area.id, period: d.week })) },
    select: { focusAreaId: true, period: true, state: true },
  });
  const lines: string[] = [];
  for (const d of due) {
    const row = existing.find((e) => e.focusAreaId === d.area.id && e.period === d.week);
    const target = d.area.channel ?? config.COORDINATOR_CHANNEL ?? null;
    const head = `area ${d.area.number} ${d.week}`;
    if (row !== undefined && row.state !== 'PENDING' && row.state !== 'RETRY') {
      lines.push(`${head}: ${row.state.toLowerCase()} already`);
      continue;
    }
    if (target === null) {
      lines.push(`${head}: no channel; coordinators would be told once`);
      continue;
    }
    lines.push(`${head}: would send to ${target}${d.late ? ' (late)' : ''}`);
    const digest = await buildDigest(prisma, config, d.area.id, weekPeriod(d.week, config.TZ_PLAN));
    lines.push(
      ...renderDigestText(digest, 'nb', config.TZ_PLAN, target)
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  }
  return lines;
}
