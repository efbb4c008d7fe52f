import { createServer, type Server } from 'node:http';
import { type Harness, startHarness } from '../tests/support/harness.js';
import type { Bench } from './measure.js';

/** Slack needs an ack in 3 s; this shows what the bot adds over a bare HTTP round trip. */
export function commandAckBench(): Bench {
  let h: Harness;
  let bare: Server;
  let bareUrl = '';
  return {
    name: 'signed /tiltak hjelp, until the ack',
    baselineName: 'a bare HTTP POST round trip on loopback',
    rounds: 40,
    async setup() {
      h = await startHarness();
      bare = createServer((req, res) => {
        req.resume();
        req.on('end', () => res.end());
      });
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
      const address = bare.address();
      bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    },
    async baseline() {
      await (await fetch(bareUrl, { method: 'POST', body: 'command=%2Ftiltak&text=hjelp' })).text();
    },
    async subject() {
      const res = await h.command('U0KARI01', 'hjelp');
      if (res.status !== 200) throw new Error(`ack failed: ${res.status}`);
    },
    async teardown() {
      await new Promise((resolve) => bare.close(resolve));
      await h.stop();
    },
  };
}
