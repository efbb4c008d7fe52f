// Loaded with --import before src/main.ts by tests/e2e/process-guards.test.ts: a way to make the
// real process throw, or reject, where no handler of ours can catch it. Never loaded by the bot.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

subscribe('http.server.request.start', (message) => {
  const { url } = (message as { request: IncomingMessage }).request;
  if (url === '/test-only/throw') {
    setImmediate(() => {
      throw new Error('thrown where nothing catches it');
    });
  }
  if (url === '/test-only/reject') void Promise.reject(new Error('rejected where nobody awaits'));
});
