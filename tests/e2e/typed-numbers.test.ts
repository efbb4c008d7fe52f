import { describe, expect, it, vi } from 'vitest';
import { blockActionPayload, viewSubmissionPayload } from '../rig/payloads.js';
import { useHarness } from '../support/lifecycle.js';
import { ids } from '../support/slack-ids.js';

// Numbers people type, or send back in a payload, are read without a float:
// what does not fit is "not found" without a query, echoed exactly as typed.

const h = useHarness();

async function ask(user: string, text: string, command = '/tiltak'): Promise<string> {
  const before = h.fake.responses.length;
  const res = await h.command(user, text, command);
  expect(res.status).toBe(200);
  await h.fake.waitFor(() => h.fake.responses.length > before);
  return h.lastReplyText();
}

describe('numbers typed in commands', () => {
  it('echoes a measure number too large for any measure exactly as typed, in Norwegian and English', async () => {
    expect(await ask('U0KARI01', 'oppdater 99999999999999999999')).toContain('Tiltak 99999999999999999999 finnes ikke');
    expect(await ask('U0OLA001', 'update 99999999999999999999')).toContain('There is no measure 99999999999999999999');
    expect(await ask('U0KARI01', 'historikk 9007199254740993')).toContain('Tiltak 9007199254740993 finnes ikke');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });

  it("answers a measure number beyond the database's integer column as not found, without a query", async () => {
    const prisma = h.running.deps.prisma;
    const lookups = [
      vi.spyOn(prisma.measure, 'findUnique'),
      vi.spyOn(prisma.measure, 'findFirst'),
      vi.spyOn(prisma.focusArea, 'findUnique'),
    ];
    try {
      expect(await ask('U0KARI01', '2147483648')).toBe(
        'Tiltak 2147483648 finnes ikke. Se alle tiltakene med `/tiltak liste`. Bruk: `/tiltak <nr>`',
      );
      expect(await ask('U0OLA001', '99999999999999999999')).toContain('There is no measure 99999999999999999999');
      expect(await ask('U0KARI01', 'oppdater #99999999999999999999')).toContain(
        'Tiltak #99999999999999999999 finnes ikke',
      );
      expect(await ask('U0KOORD1', 'runde status område 99999999999999999999', '/rapport')).toContain(
        'satsingsområde 99999999999999999999',
      );
      for (const lookup of lookups) expect(lookup).not.toHaveBeenCalled();
      await ask('U0KARI01', '1');
      expect(lookups[0]).toHaveBeenCalled();
    } finally {
      for (const lookup of lookups) lookup.mockRestore();
    }
  });

  it('answers a focus area beyond any that exists as not found, in every command that reads one', async () => {
    expect(await ask('U0KOORD1', 'runde status område 99999999999999999999', '/rapport')).toContain(
      'Det finnes ikke noe satsingsområde 99999999999999999999',
    );
    expect(await ask('U0KOORD1', 'runde 9.3.2004 99999999999999999999', '/rapport')).toContain(
      'Det finnes ikke noe satsingsområde 99999999999999999999',
    );
    expect(await ask('U0KOORD1', 'sammendrag 2147483648', '/rapport')).toContain(
      'Fant ikke satsingsområde «2147483648»',
    );
    expect(await ask('U0KARI01', 'liste område 99999999999999999999')).toContain(
      'Satsingsområde 99999999999999999999 finnes ikke',
    );
    expect(await h.db.prisma.reportingRound.count()).toBe(0);
  });

  it('reads a leading-zero area number as the area it names', async () => {
    expect(await ask('U0KOORD1', 'runde status område 0000001', '/rapport')).toContain(
      'Det har ikke vært noen rapporteringsrunde ennå.',
    );
  });

  it('escapes what it echoes, so typed mrkdwn cannot mention anyone', async () => {
    const text = await ask('U0KOORD1', 'runde status område <!channel>', '/rapport');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(await ask('U0KARI01', 'x`<!here>`')).toBe(
      'Jeg kjenner ikke `/tiltak x`&lt;!here&gt;``. Skriv `/tiltak hjelp` for å se hva du kan gjøre.',
    );
  });
});

describe('numbers sent back in payloads', () => {
  const forged = JSON.stringify({ m: 2147483648, a: 1, n: 1, p: 'd2004-03-15' });

  const waive = (metadata: string) =>
    h.interact(
      viewSubmissionPayload({
        userId: 'U0KARI01',
        callbackId: ids.views.reminderWaiver,
        privateMetadata: metadata,
        values: {
          [ids.blocks.reminders.reason]: {
            [ids.actions.reminders.reason]: { type: 'plain_text_input', value: 'Ingen aktivitet' },
          },
        },
      }),
    );

  it("reads a measure id beyond the database's integer column as a stale form, not a failure", async () => {
    const res = await waive(forged);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(res.json)).not.toContain('Noe gikk galt');
    expect(await h.db.prisma.periodWaiver.count()).toBe(0);
  });

  it('answers a reminder button carrying a measure id beyond the integer column as out of date, not a failure', async () => {
    const before = h.fake.responses.length;
    const res = await h.interact(
      blockActionPayload({
        userId: 'U0KARI01',
        actionId: ids.actions.reminders.snooze,
        value: forged,
        message: { channel: 'DU0KARI01', ts: '1.000001' },
      }),
    );
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.length > before);
    expect(h.lastReplyText()).toBe('Denne påminnelsen gjelder ikke lenger: perioden er allerede rapportert.');
    expect(await h.db.prisma.snooze.count()).toBe(0);
  });
});
