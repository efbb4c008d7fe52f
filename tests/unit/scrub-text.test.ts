import { describe, expect, it } from 'vitest';
import { scrubMessage, scrubQuotation } from '../../src/features/privacy/scrub-text.js';
import { clipMrkdwn } from '../../src/kernel/text/format.js';

const LONG = 'Jenta <16 år> heter Ana Popescu & bor hos en tante i Drammen, ring 912 34 567 om noe skjer. '.repeat(3);

describe('scrubQuotation', () => {
  it('replaces the whole text, escaped for mrkdwn or not', () => {
    expect(scrubQuotation('*Gjort:* Møtte Ana Popescu.\nNeste', 'Møtte Ana Popescu.', '[sladdet]')).toBe(
      '*Gjort:* [sladdet]\nNeste',
    );
    expect(scrubQuotation('A &lt;b&gt; &amp; c', 'A <b> & c', 'X')).toBe('X');
  });

  it('replaces a quotation cut short with "…", at whatever length it was cut', () => {
    for (const max of [40, 100, 280]) {
      const shown = `*Gjort:* ${clipMrkdwn(LONG, max)}\n*Utfordringer:* ingen`;
      expect(scrubQuotation(shown, LONG, '[sladdet]')).toBe('*Gjort:* [sladdet]\n*Utfordringer:* ingen');
    }
  });

  it('leaves a text that only shares a short beginning with the original', () => {
    expect(scrubQuotation('Møtte kommunen…', 'Møtte kommunen i Drammen og Bergen om tiltaket', 'X')).toBe(
      'Møtte kommunen…',
    );
  });
});

describe('scrubMessage', () => {
  it('scrubs every text in the blocks and the fallback text, and says whether it found any', () => {
    const message = {
      text: 'Lagret: Møtte Ana',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '*Gjort:* Møtte Ana' } },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Rediger' }, value: 'Møtte Ana' }],
        },
      ],
    };
    const out = scrubMessage(message, ['Møtte Ana'], '[sladdet]');
    expect(out.changed).toBe(true);
    expect(out.text).toBe('Lagret: [sladdet]');
    expect(JSON.stringify(out.blocks)).toBe(
      JSON.stringify([
        { type: 'section', text: { type: 'mrkdwn', text: '*Gjort:* [sladdet]' } },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'Rediger' }, value: 'Møtte Ana' }],
        },
      ]),
    );
    expect(scrubMessage(message, ['Noe annet'], 'X').changed).toBe(false);
  });
});
