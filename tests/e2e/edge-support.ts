// Raw requests to the bot's edge: bodies no Slack client would send, signed
// (or not) exactly as Slack signs, with the time the bot took to answer.
import { expect } from 'vitest';
import type { FakeSlack } from '../rig/fake-slack.js';
import { nowSeconds, signSlackRequest } from '../rig/signing.js';
import type { WireContext } from '../rig/wire.js';
import type { Harness } from '../support/harness.js';
import { type CapturedLog, LEVEL } from '../support/log-capture.js';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface RawOptions {
  contentType?: string;
  /** x-slack-request-timestamp in seconds (default now). */
  timestamp?: number;
  /** false: no signature headers at all. */
  sign?: boolean;
  headers?: Record<string, string>;
  path?: string;
  method?: string;
}

export interface RawResult {
  status: number;
  body: string;
  ms: number;
}

/** POSTs `body` to the bot as Slack would, signed with the fake's secret unless told otherwise. */
export async function postRaw(h: Harness, body: string, opts: RawOptions = {}): Promise<RawResult> {
  const url = `http://127.0.0.1:${h.running.port}${opts.path ?? '/slack/events'}`;
  const method = opts.method ?? 'POST';
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? FORM };
  if (opts.sign !== false)
    Object.assign(headers, signSlackRequest(h.fake.signingSecret, body, opts.timestamp ?? nowSeconds()));
  Object.assign(headers, opts.headers);
  const started = performance.now();
  const res = await fetch(url, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
export const interactiveBody = (payload: unknown): string => formBody({ payload: JSON.stringify(payload) });

/** The fake's wire context, to build a Slack body once and send it more than once. */
export function wireContext(fake: FakeSlack): WireContext {
  return {
    signingSecret: fake.signingSecret,
    identity: fake.state.identity,
    responseUrl: () => fake.responseUrl(),
    issueTrigger: (id) => fake.issueTrigger(id),
  };
}

/** After a hostile request the bot must still answer an ordinary signed `/tiltak hjelp`. */
export async function expectStillServing(h: Harness): Promise<void> {
  const before = h.fake.responses.length;
  const res = await h.command('U0KARI01', 'hjelp');
  expect(res.status).toBe(200);
  await h.fake.waitFor(() => h.fake.responses.length > before);
  expect(h.lastReplyText()).toContain('Tiltak – hjelp');
}

/** A refusal is a 4xx, or an empty 200 that does nothing; never a 5xx, and never slow. */
export function expectRefused(res: RawResult, { maxMs = 1000 }: { maxMs?: number } = {}): void {
  const refused = (res.status >= 400 && res.status < 500) || (res.status === 200 && res.body === '');
  expect(refused, `status ${res.status} body ${res.body.slice(0, 200)}`).toBe(true);
  expect(res.ms).toBeLessThan(maxMs);
}

/** The refusal was logged at warn with a request id, and nothing at error. */
export function expectWarnedOnce(log: CapturedLog, from: number): void {
  const lines = log.since(from);
  const warns = lines.filter((l) => l.level === LEVEL.warn);
  expect(warns.length, JSON.stringify(lines)).toBeGreaterThanOrEqual(1);
  expect(typeof warns[0]?.requestId).toBe('string');
  expect(
    lines.filter((l) => l.level >= LEVEL.error),
    JSON.stringify(lines),
  ).toEqual([]);
}

/** Rows a forged request could write: none of these may change. */
export async function writableCounts(h: Harness): Promise<Record<string, number>> {
  const p = h.db.prisma;
  return {
    updates: await p.update.count(),
    audit: await p.auditLog.count(),
    absences: await p.absence.count(),
    snoozes: await p.snooze.count(),
    waivers: await p.periodWaiver.count(),
    rounds: await p.reportingRound.count(),
    people: await p.person.count(),
    digests: await p.digestLedger.count(),
  };
}
