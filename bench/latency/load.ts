import { performance } from 'node:perf_hooks';
import type { Arrival, FakeSlack } from '../../tests/rig/index.js';
import { prepare, type Scenario, send } from './requests.js';

export interface Sample {
  ackMs: number;
  /** Null when no answer came within the wait. */
  answerMs: number | null;
  ok: boolean;
}

/**
 * Watches the fake for the moment each request is answered: the first
 * response_url post, or views.open with the request's trigger.
 */
export class AnswerClock {
  private readonly waiting = new Map<string, { started: number; resolve: (ms: number) => void }>();

  readonly onArrival = (arrival: Arrival): void => {
    const key =
      arrival.kind === 'response'
        ? `r:${arrival.id}`
        : arrival.method === 'views.open' && typeof arrival.args.trigger_id === 'string'
          ? `t:${arrival.args.trigger_id}`
          : null;
    if (key === null) return;
    const entry = this.waiting.get(key);
    if (entry === undefined) return;
    // A request answered both ways (a modal and a message) counts its first; expect() drops both keys.
    entry.resolve(performance.now() - entry.started);
  };

  expect(keys: string[], started: number): Promise<number> {
    return new Promise((resolve) => {
      const once = (ms: number) => {
        for (const k of keys) this.waiting.delete(k);
        resolve(ms);
      };
      for (const k of keys) this.waiting.set(k, { started, resolve: once });
    });
  }

  forget(keys: string[]): void {
    for (const k of keys) this.waiting.delete(k);
  }
}

export interface Target {
  name: string;
  port: number;
  /** False for the bare ack, which never answers: nothing to wait for. */
  answers: boolean;
}

/**
 * `count` requests of one scenario to one target, `concurrency` at a time
 * (each worker sends its next as soon as its last is acked), then waits for
 * the answers still on their way, so the next chunk starts on a quiet target.
 */
export async function runChunk(
  fake: FakeSlack,
  clock: AnswerClock,
  target: Target,
  scenario: Scenario,
  count: number,
  concurrency: number,
  answerWaitMs = 30_000,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const answers: Array<Promise<void>> = [];
  let left = count;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      const prepared = prepare(fake, scenario);
      const keys = [`r:${prepared.responseId}`, `t:${prepared.triggerId}`];
      const sent = send(target.port, prepared.body, fake.signingSecret);
      const answered = clock.expect(keys, sent.started);
      let sample: Sample;
      try {
        const { status, ms } = await sent.done;
        sample = { ackMs: ms, answerMs: null, ok: status === 200 };
      } catch {
        sample = { ackMs: performance.now() - sent.started, answerMs: null, ok: false };
      }
      samples.push(sample);
      if (!target.answers || !sample.ok) {
        clock.forget(keys);
        continue;
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), answerWaitMs);
      });
      answers.push(
        Promise.race([answered, timeout]).then((ms) => {
          clearTimeout(timer);
          clock.forget(keys);
          sample.answerMs = ms;
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await Promise.all(answers);
  return samples;
}
