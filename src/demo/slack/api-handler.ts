// Shared shapes for Web API method handlers.
import type { Json } from './block-kit-checker.js';
import type { SurfaceKind } from './block-kit-limits.js';
import type { SlackState } from './slack-state.js';

export type ApiContext = {
  state: SlackState;
  token: string | undefined;
  /** Origin of the fake, e.g. http://127.0.0.1:1234 (no trailing slash). */
  origin: string;
  triggerTtlMs: number;
  /** Runs the Block Kit validator, records any violation, returns the problems. */
  checkBlocks: (source: string, kind: SurfaceKind, payload: unknown) => string[];
  /** Websocket URL for apps.connections.open. */
  socketUrl: () => string;
};

export type ApiHandler = (args: Json, ctx: ApiContext) => Json | Promise<Json>;

export function fail(error: string, extra: Json = {}): Json {
  return { ok: false, error, ...extra };
}

/**
 * Slack refuses layout breaches with invalid_blocks (or msg_too_long for the
 * top-level text) and lists them in response_metadata.messages.
 */
export function blockKitRefusal(problems: string[]): Json {
  const error = problems.every((p) => p.startsWith('text:')) ? 'msg_too_long' : 'invalid_blocks';
  return fail(error, {
    errors: problems,
    response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
  });
}

/** Slack resolves a user ID used as a channel to the bot's DM with that user. */
export function normaliseChannel(channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
}

export function isUserId(channel: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(channel);
}
