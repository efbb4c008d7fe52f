// Polls for effects that happen after the bot has acked (Slack requires an
// ack within 3 s, so real work runs afterwards and tests must wait for it).

export type WaitOptions = { timeoutMs?: number; intervalMs?: number; message?: string };

/**
 * Resolves with the predicate's first truthy result. Errors thrown by the
 * predicate count as "not yet", so `expect(...)` can be used inside; the last
 * one is reported on timeout.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  timeoutMsOrOptions: number | WaitOptions = {},
): Promise<NonNullable<T>> {
  const opts = typeof timeoutMsOrOptions === 'number' ? { timeoutMs: timeoutMsOrOptions } : timeoutMsOrOptions;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const intervalMs = opts.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value !== undefined && value !== null && value !== false && value !== 0 && value !== '') {
        return value as NonNullable<T>;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`waitFor timed out after ${timeoutMs}ms${opts.message ? ` (${opts.message})` : ''}${reason}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
