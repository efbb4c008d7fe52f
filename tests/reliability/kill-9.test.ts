import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMetadata } from '../../src/features/updates/contract.js';
import { openDatabase, parseDatabaseUrl } from '../../src/kernel/db/open-database.js';
import { type FormInput, formValues } from '../e2e/updates-support.js';
import type { Json } from '../rig/block-kit-checker.js';
import { FakeSlack } from '../rig/fake-slack.js';
import { viewSubmissionPayload } from '../rig/payloads.js';
import { BOT_TOKEN } from '../support/harness.js';
import { ids } from '../support/slack-ids.js';
import { type BotProcess, stopBotProcess, useBotProcesses } from './bot-process.js';

/** Who reports, on which measures (tests/fixtures/small-plan.yaml). */
const CONTACTS = [
  { user: 'U0KARI01', measures: [1, 2] },
  { user: 'U0OLA001', measures: [2, 3] },
  { user: 'U0LEADJD', measures: [2, 1] },
  { user: 'U0KOORD1', measures: [3, 1] },
] as const;
const FORMS_PER_CONTACT = 6;
/** Submissions on the wire at once, as from several people clicking "Lagre" together. */
const IN_FLIGHT = 4;
/** The bot is killed once this many submissions have been acked: some are then in flight, the rest never sent. */
const KILL_AFTER_ACKS = 10;

type Outcome = 'closed' | 'late' | 'no-answer' | `refused: ${string}`;

interface Submission {
  user: string;
  tag: string;
  seriesId: string;
  outcome: Outcome;
}

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
  dir = await mkdtemp(join(tmpdir(), 'tiltak-kill9-'));
});
afterAll(async () => {
  await fake?.stop();
  await rm(dir, { recursive: true, force: true });
});
const startBot = useBotProcesses(() => fake);

function postgresUrl(): string {
  const url = new URL(process.env.RELIABILITY_POSTGRES_URL ?? '');
  url.searchParams.set(
    'schema',
    `${process.env.TILTAK_TEST_SCHEMA_PREFIX ?? 'tiltak_rel'}_kill9_${randomBytes(3).toString('hex')}`,
  );
  return url.toString();
}

/**
 * Opens the update modal as Slack would (the command, then the view the bot
 * put in it) and returns that view. On a loaded machine the trigger can
 * expire (3 s) before the bot opens the modal; the person then types the
 * command again, and so does this.
 */
async function openModal(bot: BotProcess, user: string, measure: number, attempts = 3): Promise<Json> {
  const res = await fake.sendCommand(bot.eventsUrl, { command: '/tiltak', user_id: user, text: `oppdater ${measure}` });
  const trigger = res.sent.trigger_id;
  const opened = await fake.waitFor(() => fake.callsTo('views.open').find((c) => c.args.trigger_id === trigger), {
    timeoutMs: 20_000,
  });
  if (!opened.ok) {
    if (attempts > 1) return openModal(bot, user, measure, attempts - 1);
    throw new Error(`views.open failed: ${opened.error ?? 'no answer'}`);
  }
  const viewId = (opened.result?.view as Json | undefined)?.id;
  return fake.waitFor(
    () => {
      const view = typeof viewId === 'string' ? fake.state.views.get(viewId)?.view : undefined;
      return view?.callback_id === ids.views.updateModal ? view : undefined;
    },
    { timeoutMs: 20_000 },
  );
}

/**
 * Submits the modal as Slack does. 'closed' is an empty 200 or response_action
 * clear; 'late' is Bolt giving up after 3 s (404), which Slack shows as an
 * error although the handler may still finish; anything else is a refusal.
 */
async function submit(bot: BotProcess, user: string, view: Json, form: FormInput): Promise<Outcome> {
  const payload = viewSubmissionPayload({
    userId: user,
    callbackId: ids.views.updateModal,
    privateMetadata: String(view.private_metadata),
    values: formValues(form),
    viewId: String(view.id),
    hash: String(view.hash),
  });
  const ack = await fake.sendInteraction(bot.eventsUrl, payload);
  const action = (ack.json as { response_action?: unknown } | undefined)?.response_action;
  if (ack.status === 200 && (ack.body === '' || action === 'clear')) return 'closed';
  if (ack.status === 404 && ack.ms >= 3_000) return 'late';
  return `refused: ${ack.status} ${ack.body.slice(0, 300)}`;
}

function seriesOf(view: Json): string {
  const meta = decodeMetadata(typeof view.private_metadata === 'string' ? view.private_metadata : undefined);
  if (meta === null) throw new Error('the modal carried no metadata');
  return meta.s;
}

interface OpenForm {
  user: string;
  view: Json;
}

/** Each contact opens its forms one after another, as a person would; the contacts work side by side. */
async function openForms(bot: BotProcess): Promise<OpenForm[]> {
  const perContact = await Promise.all(
    CONTACTS.map(async (contact) => {
      const forms: OpenForm[] = [];
      for (let i = 0; i < FORMS_PER_CONTACT; i++)
        forms.push({ user: contact.user, view: await openModal(bot, contact.user, contact.measures[i % 2] ?? 1) });
      return forms;
    }),
  );
  // Interleaved, so the stream mixes contacts and measures.
  return perContact[0]?.flatMap((_, i) => perContact.map((forms) => forms[i]).filter((f) => f !== undefined)) ?? [];
}

/** Submits the open forms IN_FLIGHT at a time until the bot stops answering; a form not yet submitted then stays unsent. */
async function streamSubmissions(bot: BotProcess, label: string, forms: OpenForm[], sent: Submission[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < forms.length; i = next++) {
      const form = forms[i];
      if (form === undefined) return;
      const submission: Submission = {
        user: form.user,
        tag: `${label} ${form.user} #${i}`,
        seriesId: seriesOf(form.view),
        outcome: 'no-answer',
      };
      sent.push(submission);
      try {
        submission.outcome = await submit(bot, form.user, form.view, {
          status: 'ON_TRACK',
          progress: String(i % 100),
          done: submission.tag,
          periodDate: '2004-06-01',
        });
      } catch {
        return; // The connection died with the process: not acked.
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

interface Stored {
  updates: { id: number; seriesId: string; done: string }[];
  audits: { entityId: string; action: string }[];
}

/** Everything stored, read once the bot has stopped (PGlite serves one process); a PostgreSQL schema is then dropped. */
async function readBack(url: string): Promise<Stored> {
  const target = parseDatabaseUrl(url);
  const db = await openDatabase(target, { migrate: false });
  try {
    const updates = await db.prisma.update.findMany({
      select: { id: true, seriesId: true, done: true },
      orderBy: { id: 'asc' },
    });
    const audits = await db.prisma.auditLog.findMany({
      where: { entity: 'Update' },
      select: { entityId: true, action: true },
    });
    return { updates, audits };
  } finally {
    if (target.kind === 'postgres' && target.schema !== null) {
      const schema = target.schema;
      await db.runner.session((c) => c.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
    }
    await db.close();
  }
}

describe.each([
  { name: 'PGlite', url: () => `file:${join(dir, 'db')}` },
  { name: 'PostgreSQL', url: postgresUrl },
])('kill -9 during a stream of update submissions, on $name', ({ name, url: makeUrl }) => {
  it('keeps every acked submission with its audit line, and half of nothing', async () => {
    const url = makeUrl();
    const sent: Submission[] = [];
    const first = await startBot({ DATABASE_URL: url });
    const forms = await openForms(first);
    const streaming = streamSubmissions(first, name, forms, sent);
    await fake.waitFor(() => sent.filter((s) => s.outcome === 'closed').length >= KILL_AFTER_ACKS, {
      timeoutMs: 60_000,
      intervalMs: 2,
    });
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await streaming;
    expect(sent.length).toBeLessThan(forms.length);

    // Restarted on the same database, it serves again: the stale PGlite lock is taken over, the WAL replayed.
    const second = await startBot({ DATABASE_URL: url });
    const view = await openModal(second, 'U0KARI01', 1);
    const tag = `${name} after the restart`;
    const after: Submission = {
      user: 'U0KARI01',
      tag,
      seriesId: seriesOf(view),
      outcome: await submit(second, 'U0KARI01', view, { status: 'ON_TRACK', done: tag, periodDate: '2004-06-02' }),
    };
    expect(after.outcome).toBe('closed');
    expect(await stopBotProcess(second)).toBe(0);

    const stored = await readBack(url);
    const byId = new Map(stored.updates.map((u) => [String(u.id), u]));
    const bySeries = new Map(stored.updates.map((u) => [u.seriesId, u]));
    const auditsOf = (id: number) => stored.audits.filter((a) => a.entityId === String(id));
    // Nothing half-written: each update has exactly one audit line, and each audit line its update.
    for (const update of stored.updates) expect(auditsOf(update.id).map((a) => a.action)).toEqual(['update.create']);
    for (const audit of stored.audits) expect(byId.has(audit.entityId)).toBe(true);
    // Every submission acked with the modal closed is there, with what was typed.
    const closed = [...sent, after].filter((s) => s.outcome === 'closed');
    for (const s of closed) expect(bySeries.get(s.seriesId)?.done).toBe(s.tag);
    // What was sent but not acked may be missing, never partial; nothing else was stored.
    for (const s of sent.filter((x) => x.outcome !== 'closed')) {
      const update = bySeries.get(s.seriesId);
      if (update !== undefined) expect(update.done).toBe(s.tag);
    }
    const known = new Set([...sent, after].map((s) => s.seriesId));
    expect(stored.updates.filter((u) => !known.has(u.seriesId))).toEqual([]);
    expect(sent.filter((s) => s.outcome.startsWith('refused'))).toEqual([]);

    const unacked = sent.filter((s) => s.outcome !== 'closed');
    const late = sent.filter((s) => s.outcome === 'late').length;
    console.info(
      `kill -9 on ${name}: opened ${forms.length} forms, sent ${sent.length}, acked ${closed.length - 1}, stored ${stored.updates.length - 1}; ` +
        `of the ${unacked.length} not acked (${late} answered late, after 3 s), ${unacked.filter((s) => bySeries.has(s.seriesId)).length} were stored whole ` +
        `and the rest not at all; after the restart 1 more sent, acked and stored`,
    );
  }, 180_000);
});
