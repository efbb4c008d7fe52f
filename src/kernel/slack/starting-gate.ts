import { randomUUID } from 'node:crypto';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { messages } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { TiltakContext } from './request-context.js';

/** Whether Slack has answered auth.test yet; /healthz and the gate below read it. */
export class SlackStatus {
  #reachable = false;

  get reachable(): boolean {
    return this.#reachable;
  }

  markReachable(): void {
    this.#reachable = true;
  }
}

/**
 * The bot listens before Slack answers auth.test. Bolt, initialised late,
 * has no authorize function until then: it would log an AuthorizationError
 * and ack with nothing. Until Slack is reachable every request gets an
 * honest answer instead, in the ack, since nothing can be sent through the
 * Web API yet.
 */
export class GatedApp extends App<TiltakContext> {
  readonly #slack: SlackStatus;
  readonly #log: Logger;

  constructor(slack: SlackStatus, logger: Logger, options: AppOptions) {
    super(options);
    this.#slack = slack;
    this.#log = logger;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (this.#slack.reachable) return super.processEvent(event);
    const answer = answerWhileStarting(event.body);
    const fields = { requestId: randomUUID(), kind: answer.kind };
    this.#log.warn(fields, 'a request arrived before Slack was reachable; answered that Tiltak is starting');
    await event.ack(answer.body);
  }
}

/** The user's language is in the database, which a starting bot may not be able to read either: both, nb first. */
const STARTING = `${messages('nb').common.slackUnreachable}\n_${messages('en').common.slackUnreachable}_`;

type Answer = { kind: string; body?: Record<string, unknown> };

/**
 * A slash command shows the text to its user. A modal's submit stays open
 * with the text on its first input, so nothing typed is lost. Anything else
 * (a button, an event) is acked and dropped: the user can press again, and
 * App Home is drawn afresh on the next visit.
 */
function answerWhileStarting(body: unknown): Answer {
  if (!isRecord(body)) return { kind: 'unknown' };
  if (typeof body.command === 'string')
    return { kind: 'command', body: { response_type: 'ephemeral', text: STARTING } };
  if (body.type === 'view_submission') {
    const blockId = firstInputBlockId(isRecord(body.view) ? body.view.blocks : undefined);
    if (blockId !== null)
      return { kind: 'view_submission', body: { response_action: 'errors', errors: { [blockId]: STARTING } } };
    return { kind: 'view_submission' };
  }
  return { kind: typeof body.type === 'string' ? body.type.slice(0, 40) : 'unknown' };
}

function firstInputBlockId(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  for (const block of blocks) {
    if (!isRecord(block) || block.type !== 'input') continue;
    if (typeof block.block_id === 'string' && block.block_id !== '') return block.block_id;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
