import { describe, expect, it } from 'vitest';
import { ids } from '../../src/features/digests/contract.js';
import type { DigestMeasure } from '../../src/features/digests/model.js';
import { digestMainMessage } from '../../src/features/digests/views/digest-main.js';
import { digestThreadReplies, MAX_BLOCKS_PER_REPLY } from '../../src/features/digests/views/digest-thread.js';
import { renderDigestText } from '../../src/features/digests/views/render-text.js';
import { checkBlockKit } from '../rig/block-kit-limits.js';
import { counts, sampleDigest } from './digest-fixture.js';

const TZ = 'Europe/Oslo';
const json = (x: unknown) => JSON.stringify(x);

function bigMeasure(number: number, updates: number, textLength: number): DigestMeasure {
  const base = sampleDigest().changed[0] as DigestMeasure;
  const update = base.updates[0] as DigestMeasure['updates'][number];
  return {
    ...base,
    number,
    titleNb: `Tiltak med en lang tittel ${'x'.repeat(600)}`,
    updates: Array.from({ length: updates }, (_, i) => ({
      ...update,
      id: number * 100 + i,
      done: 'ord '.repeat(textLength / 4),
      challenges: 'c'.repeat(textLength),
    })),
  };
}

describe('the digest main message', () => {
  it('holds the title, the period, counts with their change and the week’s activity', () => {
    const digest = sampleDigest({ previousCounts: counts({ ON_TRACK: 4, AT_RISK: 1, NO_REPORT: 1 }) });
    const message = digestMainMessage(digest, { lang: 'nb', timeZone: TZ });
    expect(checkBlockKit('message', message)).toEqual([]);
    const text = json(message.blocks);
    expect(text).toContain('Ukesammendrag: 1. Beskytte');
    expect(text).toContain('Uke 9 (23.–29. februar 2004)');
    expect(text).toContain('I rute: *4* (±0)');
    expect(text).toContain('Forsinket: *1* (+1)');
    expect(text).toContain('Ikke rapportert: *0* (−1)');
    expect(text).toContain('*1 oppdatering* denne uken');
    expect(text).toContain('Forfalt: 2 (UDI)');
    expect(message.text).toBe('Ukesammendrag for satsingsområde 1, uke 9: 1 oppdatering, 1 forfalt.');
  });

  it('says when it is late and when someone asked for it', () => {
    const message = digestMainMessage(sampleDigest(), {
      lang: 'en',
      timeZone: TZ,
      lateDueAt: new Date('2004-03-01T07:00:00Z'),
      requestedBy: 'U0KOORD1',
    });
    const text = json(message.blocks);
    expect(text).toContain('Sent late');
    expect(text).toContain('Monday 1 March');
    expect(text).toContain('<@U0KOORD1>');
  });
});

describe('the digest thread', () => {
  it('gives a changed measure its status change, each update’s agency and author, challenges and overdue agencies', () => {
    const [reply, ...rest] = digestThreadReplies(sampleDigest(), 'nb', TZ);
    expect(rest).toHaveLength(0);
    expect(checkBlockKit('message', reply)).toEqual([]);
    const text = json(reply?.blocks);
    expect(text).toContain('*Tiltak 2: Trygge steder*');
    expect(text).toContain('Status: :large_green_circle: I rute → :large_yellow_circle: Risiko');
    expect(text).toContain('*JD* – Kari Nordmann, 25. feb.');
    expect(text).toContain('*Utfordringer:* Finansieringen for 2005 er uavklart.');
    expect(text).toContain('UDI (3 arbeidsdager)');
    // Quiet measures are named, not left out.
    expect(text).toContain('*Ikke noe nytt:* 1 (I rute), 5 (Ikke rapportert)');
    // Nothing was trimmed, so there is nothing more to read.
    expect(text).not.toContain(ids.actions.digestReadUpdate);
  });

  it('trims long texts on a word boundary and offers the full text behind a button', () => {
    const digest = sampleDigest({ changed: [bigMeasure(7, 1, 2000)] });
    const [reply] = digestThreadReplies(digest, 'nb', TZ);
    const section = reply?.blocks[1] as { text: { text: string }; accessory?: { action_id: string; value: string } };
    expect(section.text.text).toContain('ord ord…');
    expect(section.text.text.length).toBeLessThan(1000);
    expect(section.accessory).toMatchObject({ action_id: ids.actions.digestReadUpdate, value: '700' });
  });

  it('escapes what users typed, so an update cannot ping a channel or forge a link', () => {
    const base = sampleDigest();
    const measure = base.changed[0] as DigestMeasure;
    const hostile = {
      ...measure,
      updates: measure.updates.map((u) => ({
        ...u,
        done: '<!channel> se <https://evil.example|her>',
        authorName: '<@U0BOSS>',
      })),
    };
    const text = json(digestThreadReplies({ ...base, changed: [hostile] }, 'nb', TZ)[0]?.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0BOSS>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('splits 200 measures with 2,000 long updates across replies that all keep within Block Kit limits', () => {
    const changed = Array.from({ length: 200 }, (_, i) => bigMeasure(i + 1, 10, 1500));
    const quiet = Array.from({ length: 300 }, (_, i) => ({
      number: 1000 + i,
      status: 'ON_TRACK' as const,
      overdue: [{ code: 'JD', overdueWorkingDays: 2 }],
    }));
    const replies = digestThreadReplies(sampleDigest({ changed, quiet }), 'nb', TZ);
    expect(replies.length).toBeGreaterThan(40);
    for (const reply of replies) {
      expect(checkBlockKit('message', reply)).toEqual([]);
      expect(reply.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_REPLY + 1);
    }
    const all = json(replies.map((r) => r.blocks));
    for (const n of [1, 57, 200]) expect(all).toContain(`*Tiltak ${n}: `);
    for (const n of [1000, 1150, 1299]) expect(all).toContain(`${n} (I rute)`);
    expect(all).toMatch(/Tiltak \d+ \(fortsatt\)/);
    expect(replies.at(-1)?.text).toBe(`Detaljer per tiltak, del ${replies.length} av ${replies.length}`);
  });
});

describe('the digest as terminal text', () => {
  it('reads without mrkdwn and names every measure', () => {
    const text = renderDigestText(sampleDigest(), 'nb', TZ, 'C0FOCUS1');
    expect(text).toContain('Ukesammendrag: 1. Beskytte\n');
    expect(text).toContain('Status for 6 tiltak (endring fra forrige uke)');
    expect(text).toMatch(/I rute\s+4 {2}\(±0\)/);
    expect(text).toContain('── Tiltak 2: Trygge steder');
    expect(text).toContain('JD – Kari Nordmann, 25. feb.');
    expect(text).toContain('Forfalt: UDI (3 arbeidsdager)');
    expect(text).toContain('Ikke noe nytt: 1 (I rute), 5 (Ikke rapportert)');
    expect(text).not.toMatch(/\*|:[a-z_]+:/);
  });
});
