import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LoopFigures {
  /** monitorEventLoopDelay's 99th percentile, ms. */
  p99Ms: number;
  maxMs: number;
  /** The longest any small "ack" waited past its turn, ms. */
  ackMaxMs: number;
  acks: number;
}

/** How often a stand-in ack is due: a busy bot's requests, each a few microseconds of work. */
const ACK_EVERY_MS = 2;

/**
 * Runs `work` while small async "acks" keep arriving, and reports how long the
 * event loop was held up meanwhile: monitorEventLoopDelay's percentiles, and
 * how late the worst ack ran. An ack that waits behind a sweep shows here.
 */
export async function loopDelayDuring(work: () => Promise<unknown>): Promise<LoopFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let running = true;
  let acks = 0;
  let ackMaxMs = 0;
  const acking = (async () => {
    while (running) {
      const due = performance.now() + ACK_EVERY_MS;
      await sleep(ACK_EVERY_MS);
      ackMaxMs = Math.max(ackMaxMs, performance.now() - due);
      acks++;
    }
  })();
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
    running = false;
    await acking;
  }
  return { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6, ackMaxMs, acks };
}

/** The same figures with nothing but the acks running: the baseline. */
export const idleLoop = (ms = 1_000) => loopDelayDuring(() => sleep(ms));
