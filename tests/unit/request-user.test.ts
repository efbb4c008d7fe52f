import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { homeRecipientsOfMeasure } from '../../src/features/home/home-recipients.js';
import { registerAbsence } from '../../src/features/reminders/absences.js';
import { snoozePair } from '../../src/features/reminders/reminder-responses.js';
import { openRound } from '../../src/features/reminders/rounds.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createLogger } from '../../src/kernel/logger.js';
import { findPerson } from '../../src/kernel/people/people.js';
import { checkedUser, interactionUserId } from '../../src/kernel/slack/request-user.js';
import type { SlackUserId } from '../../src/kernel/slack/slack-user-id.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('info', sink).child({ requestId: 'req-1' }) };
}

describe('the user a request acts for', () => {
  it("is read from an interaction payload whatever its shape, without trusting Bolt's types", () => {
    expect(interactionUserId({ user: { id: 'U0KARI01' } })).toBe('U0KARI01');
    for (const body of [{}, { user: undefined }, { user: null }, { user: {} }, { user: 'U0KARI01' }])
      expect(interactionUserId(body)).toBeUndefined();
  });

  it('passes a Slack user id through, and logs nothing', () => {
    const { lines, log } = capture();
    expect(checkedUser('U0KARI01', log, '/tiltak')).toBe('U0KARI01');
    expect(lines).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['malformed', 'u0kari01'],
    ['malformed', 'C0123ABCD'],
    ['malformed', { id: 'U0KARI01' }],
  ])('refuses a %s id with a warning that carries the request id, not what was sent', (shape, given) => {
    const { lines, log } = capture();
    expect(checkedUser(given, log, 'update_open')).toBeNull();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        requestId: 'req-1',
        surface: 'update_open',
        user: shape,
        msg: 'refused a request without a valid Slack user id',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('U0KARI01');
  });
});

describe('a lookup by Slack id', () => {
  it('takes only a checked SlackUserId: a raw string does not type-check', () => {
    // Never called: this function exists for `tsc --noEmit`, which fails if a line below compiles.
    const rawStringsFromARequest = (prisma: PrismaClient, raw: string, at: Date) => {
      // @ts-expect-error a string is not a SlackUserId; only parseSlackUserId makes one
      const id: SlackUserId = raw;
      // @ts-expect-error findPerson({ prisma }, undefined) once meant "the first person in the plan"
      void findPerson({ prisma }, raw);
      // @ts-expect-error
      void homeRecipientsOfMeasure(prisma, 1, raw, 50);
      // @ts-expect-error
      void snoozePair(prisma, { slackId: raw, measureId: 1, agencyId: 1, at, until: at });
      const absence = { personId: 1, actor: raw, fromDay: '2004-03-01', toDay: '2004-03-02', at } as const;
      // @ts-expect-error
      void registerAbsence(prisma, { ...absence, substituteSlackId: null, today: '2004-03-01' });
      const round = { deadlineDay: '2004-03-20', scope: { area: null }, actor: raw, at } as const;
      // @ts-expect-error
      void openRound(prisma, { ...round, timeZone: 'Europe/Oslo' });
      return id;
    };
    expect(rawStringsFromARequest).toBeTypeOf('function');
  });
});
