import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long a job may hold the event loop at a stretch. Acks share the loop
 * with the jobs (on PGlite the database too), and Slack wants an ack within
 * 3 s: a sweep over a large plan must let them through as it goes.
 */
const SLICE_MS = 8;

/**
 * Long pure work is written as a generator that yields between items (a pair,
 * a measure); this runs it to the end at once, for callers with no loop to share.
 */
export function drain<R>(work: Generator<unknown, R>): R {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs the same generator, handing the event loop back whenever a slice has taken SLICE_MS. */
export async function drainYielding<R>(work: Generator<unknown, R>, sliceMs = SLICE_MS): Promise<R> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
