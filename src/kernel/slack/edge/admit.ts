import { type AckFn, type ReceiverEvent, ReceiverMultipleAckError } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { TiltakBolt } from '../request-context.js';
import type { Inbound } from './inbound.js';
import type { ReplayStore } from './replay-store.js';

/** A request that passed the guard, with what its transport needs to answer it. */
export interface Admission {
  inbound: Extract<Inbound, { kind: 'command' | 'interaction' | 'event' }>;
  /** Its identity for the replay memory: a signature, an event id or an envelope id. */
  replayKey: string;
  replayUntil: Date;
  retryNum?: number;
  retryReason?: string;
  requestId: string;
  log: Logger;
  /** Acks: the HTTP response, or the Socket Mode ack (an empty body for undefined). */
  send(body?: unknown): Promise<void> | void;
  /** The answer when no listener acked: the request could not be routed. */
  unrouted(): Promise<void> | void;
}

export interface AdmitDeps {
  app: TiltakBolt;
  replay: ReplayStore;
  /**
   * Requests whose ack carries nothing (a command once Slack is reachable, a
   * button, an event) are acked before the replay check and Bolt: Slack's
   * 3 s then never wait on the database. A view submission's ack carries
   * the modal's answer, so it waits for its listener.
   */
  ackAtOnce?: (inbound: Admission['inbound']) => boolean;
  /**
   * Counts each admission as running until its listeners are done. A request
   * acked at once goes on after Slack has its answer: shutdown must wait for
   * it before the database closes, or a click's write is lost.
   */
  inFlight?: { track<T>(work: Promise<T>): Promise<T> };
}

/**
 * How long the replay check may hold the ack. When the database does not
 * answer in time the request goes through: a replay needs a captured
 * request and an outage at once, while refusing would drop every request
 * for as long as the database is away.
 */
const REPLAY_CHECK_MS = 1_000;

/** Replay check, then Bolt, with Bolt's ack semantics; a request nobody acks is answered at once, not after 3 s. */
export function admit(deps: AdmitDeps, a: Admission): Promise<void> {
  const work = admitNow(deps, a);
  return deps.inFlight ? deps.inFlight.track(work) : work;
}

async function admitNow({ app, replay, ackAtOnce }: AdmitDeps, a: Admission): Promise<void> {
  const early = ackAtOnce?.(a.inbound) ?? false;
  if (early) await a.send();
  if (!(await isFirstSighting(replay, a))) {
    const retry = a.retryNum !== undefined || a.inbound.kind === 'event';
    const fields = { replayKind: a.replayKey.split(':')[0], retryNum: a.retryNum };
    if (retry) a.log.info(fields, 'a Slack retry of a request already taken in was acked and ignored');
    else a.log.warn(fields, 'a replayed request was acked and ignored');
    if (!early) await a.send();
    return;
  }
  let acked = false;
  const ack: AckFn<unknown> = async (body) => {
    if (acked) throw new ReceiverMultipleAckError();
    acked = true;
    if (!early) await a.send(body);
    else if (body !== undefined) a.log.warn('a listener answered in its ack after the request was acked at once');
  };
  const event: ReceiverEvent = {
    body: a.inbound.payload,
    ack,
    retryNum: a.retryNum,
    retryReason: a.retryReason,
    customProperties: { requestId: a.requestId },
  };
  try {
    await app.processEvent(event);
  } catch (error) {
    a.log.error({ err: error }, 'Bolt failed to process a request');
  }
  if (!acked) {
    acked = true;
    a.log.warn(describe(a.inbound), 'no listener took the request');
    if (!early) await a.unrouted();
  }
}

async function isFirstSighting(replay: ReplayStore, a: Admission): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), REPLAY_CHECK_MS);
  });
  try {
    const first = await Promise.race([replay.claim(a.replayKey, a.replayUntil), timeout]);
    if (first !== 'timeout') return first;
    a.log.warn({ ms: REPLAY_CHECK_MS }, 'the replay check timed out; the request goes through');
  } catch (error) {
    a.log.warn({ err: error }, 'the replay check failed; the request goes through');
  } finally {
    clearTimeout(timer);
  }
  return true;
}

function describe(inbound: Admission['inbound']): Record<string, unknown> {
  if (inbound.kind === 'command') return { command: inbound.command };
  if (inbound.kind === 'event') return { eventType: inbound.eventType };
  const { payload } = inbound;
  const view = payload.view as { callback_id?: unknown } | undefined;
  return { type: inbound.type, callbackId: view?.callback_id ?? payload.callback_id };
}
