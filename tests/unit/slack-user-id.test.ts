import { describe, expect, it } from 'vitest';
import { parseSlackUserId } from '../../src/kernel/slack/slack-user-id.js';

describe('parseSlackUserId', () => {
  it('accepts member ids as Slack writes them', () => {
    for (const id of ['U0KARI01', 'W012ABCDEF', 'U0123456789ABCDEF']) expect(parseSlackUserId(id)).toBe(id);
  });

  it('refuses anything that is not a string of that shape', () => {
    for (const forged of [
      undefined,
      null,
      '',
      ' ',
      'u0kari01',
      'C0123ABCD',
      'U0KARI01 ',
      'U0KA RI',
      'U0KARI01\u0000',
      'U',
      'U1',
      42,
      {},
      ['U0KARI01'],
      `U${'A'.repeat(40)}`,
    ]) {
      expect(parseSlackUserId(forged)).toBeNull();
    }
  });
});
