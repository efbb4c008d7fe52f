// Builds requests in Slack's wire formats and sends them to the bot, signed
// like Slack signs them. The same payloads feed Socket Mode envelopes.
import type { Json } from './block-kit-checker.js';
import { nowSeconds, signSlackRequest } from './signing.js';
import type { Identity } from './slack-state.js';

const VERIFICATION_TOKEN = 'verification-token-test';

export type WireContext = {
  signingSecret: string;
  identity: Identity;
  /** A fresh response_url on the fake. */
  responseUrl: () => string;
  /** Registers (or mints) a trigger_id so views.open can check its age. */
  issueTrigger: (id?: string) => string;
};

export type CommandFields = {
  command: string;
  /** Omitted to send a command as no one, the way a forged request might. */
  user_id?: string;
  text?: string;
  channel_id?: string;
  trigger_id?: string;
  [field: string]: string | undefined;
};

export type SendOptions = {
  /** Seconds since epoch for x-slack-request-timestamp (default now). */
  timestamp?: number;
  /** Sends a signature that will not verify. */
  badSignature?: boolean;
  signingSecret?: string;
  headers?: Record<string, string>;
  /** Gives up on an answer after this long (the fetch rejects with a TimeoutError). */
  timeoutMs?: number;
};

export type SendResult = { status: number; body: string; json: unknown; ms: number; headers: Record<string, string> };

export function buildCommand(ctx: WireContext, fields: CommandFields): Record<string, string> {
  const { identity } = ctx;
  const base: Record<string, string> = {
    token: VERIFICATION_TOKEN,
    team_id: identity.teamId,
    team_domain: identity.teamDomain,
    channel_id: 'C0TEST0001',
    channel_name: 'general',
    user_name: (fields.user_id ?? '').toLowerCase(),
    text: '',
    api_app_id: identity.appId,
    is_enterprise_install: 'false',
    response_url: ctx.responseUrl(),
  };
  const out: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  out.trigger_id = ctx.issueTrigger(fields.trigger_id);
  return out;
}

const RESPONSE_URL_TYPES = new Set(['block_actions', 'message_action', 'interactive_message']);

/** Fills the envelope fields every interaction payload carries. */
export function buildInteraction(ctx: WireContext, payload: Json): Json {
  const { identity } = ctx;
  const out: Json = {
    token: VERIFICATION_TOKEN,
    api_app_id: identity.appId,
    team: { id: identity.teamId, domain: identity.teamDomain },
    is_enterprise_install: false,
    enterprise: null,
    ...payload,
  };
  out.trigger_id = ctx.issueTrigger(typeof payload.trigger_id === 'string' ? payload.trigger_id : undefined);
  const type = typeof out.type === 'string' ? out.type : '';
  if (RESPONSE_URL_TYPES.has(type) && out.response_url === undefined) out.response_url = ctx.responseUrl();
  return out;
}

let eventSeq = 0;

export function buildEventEnvelope(ctx: WireContext, event: Json): Json {
  const { identity } = ctx;
  eventSeq += 1;
  const now = Date.now();
  const eventTs = `${Math.floor(now / 1000)}.${String((now % 1000) * 1000 + (eventSeq % 1000)).padStart(6, '0')}`;
  return {
    token: VERIFICATION_TOKEN,
    team_id: identity.teamId,
    api_app_id: identity.appId,
    event: { event_ts: eventTs, ...event },
    type: 'event_callback',
    event_id: `Ev${String(eventSeq).padStart(8, '0')}`,
    event_time: Math.floor(now / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: identity.teamId,
        user_id: identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  secret: string,
  opts: SendOptions = {},
): Promise<SendResult> {
  const ts = opts.timestamp ?? nowSeconds();
  const signed = signSlackRequest(opts.signingSecret ?? secret, body, ts);
  if (opts.badSignature) signed['x-slack-signature'] = `v0=${'0'.repeat(64)}`;
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...signed, ...opts.headers },
    body,
    ...(opts.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(opts.timeoutMs) }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: text, json, ms, headers: Object.fromEntries(res.headers.entries()) };
}

export function formEncode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
