import { z } from 'zod';
import { type SlackUserId, slackUserIdSchema } from '../slack-user-id.js';

/**
 * The one check every request passes before Bolt sees it, over HTTP and over
 * Socket Mode alike: the payload is an object of a type Slack sends, it names
 * its user with a well-formed id, and it carries what its type needs for Bolt
 * to route it and for a listener to read it. Pure: payload in, typed request
 * or a reason out.
 */

/** The three surfaces Slack delivers on; over HTTP the body's form decides, over Socket Mode the envelope type. */
export type Surface = 'command' | 'interaction' | 'events';

type Payload = Record<string, unknown>;

export type Inbound =
  | { kind: 'command'; userId: SlackUserId; command: string; payload: Payload }
  | { kind: 'interaction'; type: InteractionType; userId: SlackUserId; payload: Payload }
  | { kind: 'event'; eventId: string; eventType: string; payload: Payload }
  | { kind: 'url_verification'; challenge: string }
  /** Something Slack tells us that needs no listener (app_rate_limited). */
  | { kind: 'notice'; type: string };

export type Screened = { ok: true; inbound: Inbound } | { ok: false; reason: string };

const id = z.string().min(1).max(255);
const userRef = z.looseObject({ id: slackUserIdSchema });

const command = z.looseObject({
  command: z.string().regex(/^\/[^\s/]{1,31}$/, 'must be a slash command like /tiltak'),
  user_id: slackUserIdSchema,
  text: z.string().optional(),
  response_url: id,
});

const action = z.looseObject({ type: id, action_id: id, block_id: id.optional() });
const viewRef = z.looseObject({ id, callback_id: z.string().max(255) });
const submittedView = viewRef.extend({
  private_metadata: z.string(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }),
});

const interactionShapes = {
  block_actions: z.looseObject({ actions: z.array(action).min(1) }),
  view_submission: z.looseObject({ view: submittedView }),
  view_closed: z.looseObject({ view: viewRef }),
  block_suggestion: z.looseObject({ action_id: id, block_id: id, value: z.string() }),
  shortcut: z.looseObject({ callback_id: id, trigger_id: id }),
  message_action: z.looseObject({ callback_id: id, trigger_id: id }),
  interactive_message: z.looseObject({ callback_id: id, actions: z.array(z.looseObject({ name: z.string() })).min(1) }),
} as const;

type InteractionType = keyof typeof interactionShapes;

const isInteractionType = (type: unknown): type is InteractionType =>
  typeof type === 'string' && Object.hasOwn(interactionShapes, type);

/** Events whose listeners act for the user the event names. */
const EVENTS_NEEDING_USER = new Set(['app_home_opened']);

const eventCallback = z.looseObject({
  event_id: id,
  event: z.looseObject({
    type: id,
    // Where an event names a user, as an id or as a user object, it must be a real one.
    user: z.union([slackUserIdSchema, userRef]).optional(),
  }),
});

const urlVerification = z.looseObject({ challenge: z.string().min(1).max(255) });

export function screenPayload(surface: Surface, payload: unknown): Screened {
  if (!isPayload(payload)) return refuse(`the ${surface} payload is ${describe(payload)}, not an object`);
  if (surface === 'command') return screenCommand(payload);
  if (surface === 'interaction') return screenInteraction(payload);
  return screenEvents(payload);
}

function screenCommand(payload: Payload): Screened {
  const parsed = command.safeParse(payload);
  if (!parsed.success) return refuse(firstIssue(parsed.error));
  return accept({ kind: 'command', userId: parsed.data.user_id, command: parsed.data.command, payload });
}

function screenInteraction(payload: Payload): Screened {
  const { type } = payload;
  if (!isInteractionType(type))
    return refuse(`type: ${typeof type === 'string' ? 'not an interaction type the bot takes' : 'missing'}`);
  const user = userRef.safeParse(payload.user);
  if (!user.success) return refuse(firstIssue(user.error, 'user'));
  const shape = interactionShapes[type].safeParse(payload);
  if (!shape.success) return refuse(firstIssue(shape.error));
  return accept({ kind: 'interaction', type, userId: user.data.id, payload });
}

function screenEvents(payload: Payload): Screened {
  const { type } = payload;
  if (type === 'url_verification') {
    const parsed = urlVerification.safeParse(payload);
    return parsed.success
      ? accept({ kind: 'url_verification', challenge: parsed.data.challenge })
      : refuse(firstIssue(parsed.error));
  }
  if (type === 'app_rate_limited') return accept({ kind: 'notice', type });
  if (type !== 'event_callback')
    return refuse(`type: ${typeof type === 'string' ? 'not an Events API type the bot takes' : 'missing'}`);
  const parsed = eventCallback.safeParse(payload);
  if (!parsed.success) return refuse(firstIssue(parsed.error));
  const { event } = parsed.data;
  if (EVENTS_NEEDING_USER.has(event.type) && event.user === undefined)
    return refuse(`event.user: required for ${event.type}`);
  return accept({ kind: 'event', eventId: parsed.data.event_id, eventType: event.type, payload });
}

function isPayload(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** The first problem, as `path: message`; values are left out, as they are the sender's and may be large. */
function firstIssue(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  const path = [...(prefix ? [prefix] : []), ...(issue?.path ?? []).map(String)].join('.');
  return `${path || 'payload'}: ${issue?.message ?? 'invalid'}`;
}

const accept = (inbound: Inbound): Screened => ({ ok: true, inbound });
const refuse = (reason: string): Screened => ({ ok: false, reason });
