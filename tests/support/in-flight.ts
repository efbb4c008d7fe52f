import type { App } from '@slack/bolt';
import { vi } from 'vitest';

/**
 * Watches the bot's App while a test runs: `settled()` resolves once every
 * request Bolt took in has finished its middleware and listeners (not only
 * its ack), so a test can say "nothing happened" without guessing a delay.
 * Call it inside a test: the spy is restored after each one.
 */
export function watchRequests(app: App): { settled(): Promise<void>; count(): number } {
  const running = new Set<Promise<unknown>>();
  let seen = 0;
  const original = app.processEvent.bind(app);
  vi.spyOn(app, 'processEvent').mockImplementation((event) => {
    seen += 1;
    const work = original(event);
    const tracked = work.catch(() => undefined).finally(() => running.delete(tracked));
    running.add(tracked);
    return work;
  });
  return {
    async settled() {
      while (running.size > 0) await Promise.all(running);
    },
    count: () => seen,
  };
}
