import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/lifecycle.js';

// One grammar for what users type: a day is 2004-05-03, 3.5.2004 or 3.5, and
// an area is `område 2`, `area 2` or `2`, in every command. Each case here
// once answered differently from one command to the next.

const h = useHarness({ now: '2004-08-02T09:00:00+02:00' });

async function ask(user: string, text: string, command = '/tiltak'): Promise<string> {
  // The previous command may still be posting its replies.
  await h.running.background.idle();
  const before = h.fake.responses.length;
  const res = await h.command(user, text, command);
  expect(res.status).toBe(200);
  await h.fake.waitFor(() => h.fake.responses.length > before);
  const body = h.fake.responses[before]?.body as { text?: unknown } | undefined;
  return String(body?.text);
}

describe('an area, written three ways', () => {
  it('/tiltak liste takes `område 2`, `area 2` and `2` alike', async () => {
    const answers = [
      await ask('U0KARI01', 'liste område 2'),
      await ask('U0KARI01', 'liste area 2'),
      await ask('U0KARI01', 'liste 2'),
    ];
    for (const answer of answers) expect(answer).toContain('Satsingsområde 2: Forebygge');
    expect(await ask('U0KARI01', 'liste 7')).toContain('Satsingsområde 7 finnes ikke');
  });

  it('/rapport sammendrag takes `område 2` (it once said "no such area") as well as `2`', async () => {
    for (const text of ['sammendrag område 2', 'sammendrag area 2', 'sammendrag 2']) {
      const answer = await ask('U0KOORD1', text, '/rapport');
      expect(answer, text).not.toContain('Fant ikke satsingsområde');
    }
    expect(await ask('U0KOORD1', 'sammendrag område 9', '/rapport')).toContain('Fant ikke satsingsområde «9»');
  });

  it('/rapport runde status takes `område 1`, `area 1` and `1` alike', async () => {
    const answers = [
      await ask('U0KOORD1', 'runde status område 1', '/rapport'),
      await ask('U0KOORD1', 'runde status area 1', '/rapport'),
      await ask('U0KOORD1', 'runde status 1', '/rapport'),
    ];
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toContain('Det finnes ikke noe satsingsområde');
  });
});

describe('a day, written three ways', () => {
  it('/rapport eksport takes `3.5` for this year (it once refused it), as /tiltak fravær does', async () => {
    const answer = await ask('U0KOORD1', 'eksport fra 3.5 til 30.6.2004 format md', '/rapport');
    expect(answer).not.toContain('er ikke en dato');
    expect(await ask('U0KOORD1', 'eksport fra 31.4', '/rapport')).toBe(
      '«31.4» er ikke en dato. Skriv f.eks. 2004-06-30, 30.6.2004 eller 30.6.',
    );
    expect(await ask('U0KARI01', 'fravær 3.8 2004-08-04')).toContain(':palm_tree: Fravær registrert fra');
  });

  it('the help says how days and areas are written', async () => {
    const help = await ask('U0KARI01', 'hjelp');
    expect(help).toContain('`2004-05-03`, `3.5.2004` eller `3.5`');
    expect(help).toContain('`område 2`, `area 2` eller bare `2`');
  });
});
