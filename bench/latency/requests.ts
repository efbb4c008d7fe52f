import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FakeSlack } from '../../tests/rig/index.js';
import { blockActionPayload } from '../../tests/rig/payloads.js';
import { nowSeconds, signSlackRequest } from '../../tests/rig/signing.js';
import { buildCommand, buildInteraction, formEncode, type WireContext } from '../../tests/rig/wire.js';

export const SCENARIOS = ['/tiltak', '/tiltak <nr>', '/tiltak hjelp', 'button'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** A registered contact in the bench plan (tests/fixtures/small-plan.yaml), and a measure her agency leads. */
const BENCH_USER = 'U0KARI01';
const MEASURE = 1;

export interface Prepared {
  body: string;
  /** What marks the answer: a post to this response_url id, or views.open with this trigger_id. */
  responseId: string;
  triggerId: string;
}

let seq = 0;

/** One signed request as Slack would send it, with its own response_url and trigger_id on the fake. */
export function prepare(fake: FakeSlack, scenario: Scenario): Prepared {
  seq += 1;
  const responseId = `B${seq}`;
  const triggerId = `${Date.now()}.${seq}.bench`;
  const ctx: WireContext = {
    signingSecret: fake.signingSecret,
    identity: fake.state.identity,
    responseUrl: () => fake.responseUrl(responseId),
    issueTrigger: (id) => fake.issueTrigger(id),
  };
  if (scenario === 'button') {
    const payload = blockActionPayload({
      userId: BENCH_USER,
      actionId: 'update_open',
      value: JSON.stringify({ m: MEASURE }),
      message: { channel: 'C0TEST0001', ts: '1700000000.000100' },
    });
    const sent = buildInteraction(ctx, {
      ...payload,
      trigger_id: triggerId,
      response_url: fake.responseUrl(responseId),
    });
    return { body: formEncode({ payload: JSON.stringify(sent) }), responseId, triggerId };
  }
  const text = scenario === '/tiltak' ? '' : scenario === '/tiltak hjelp' ? 'hjelp' : String(MEASURE);
  const sent = buildCommand(ctx, { command: '/tiltak', user_id: BENCH_USER, text, trigger_id: triggerId });
  return { body: formEncode(sent), responseId, triggerId };
}

/**
 * POSTs one signed body on a connection of its own (as Slack's requests
 * arrive from many hosts) and resolves with the status once the whole
 * response is read; `started` is when the request began, before connecting.
 */
export function send(
  port: number,
  body: string,
  secret: string,
): { started: number; done: Promise<{ status: number; ms: number }> } {
  const started = performance.now();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    ...signSlackRequest(secret, body, nowSeconds()),
  };
  const done = new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: false, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return { started, done };
}
