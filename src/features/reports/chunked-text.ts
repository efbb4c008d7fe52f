import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Strings gathered to about this many characters per write: one write per line would cost more than the line. */
const CHUNK = 64 * 1024;

/** Writes text to a stream in chunks, waiting when it asks to. */
export class ChunkedText {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}

  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const ok = this.out.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
    // Blocks and lines are made in microtasks, which let no request in: in the bot, acks wait for this turn.
    await nextTurn();
  }
}
