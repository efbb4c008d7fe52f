import { describe, expect, it } from 'vitest';
import { decodeReminderButton, encodeReminderButton } from '../../src/features/reminders/contract.js';
import { parseDay } from '../../src/kernel/text/typed-day.js';
import { parseUserRef } from '../../src/kernel/text/typed-user.js';

describe('days as people type them', () => {
  it('reads ISO dates, Norwegian dotted dates and day.month in the current year', () => {
    expect(parseDay('2004-05-03', '2004-01-10')).toBe('2004-05-03');
    expect(parseDay('3.5.2004', '2004-01-10')).toBe('2004-05-03');
    expect(parseDay('03.05.04', '2004-01-10')).toBe('2004-05-03');
    expect(parseDay('3.5', '2004-01-10')).toBe('2004-05-03');
    expect(parseDay('3.5.', '2004-01-10')).toBe('2004-05-03');
    expect(parseDay('29.2.2004', '2004-01-10')).toBe('2004-02-29');
  });

  it('refuses days that do not exist and anything else', () => {
    for (const text of ['31.4.2004', '29.2.2003', '2004-13-01', 'i morgen', '3/5/2004', '', '1.1.20045', '-1.3.2004'])
      expect(parseDay(text, '2004-01-10'), text).toBeNull();
  });
});

describe('a substitute as typed in a command', () => {
  it('reads escaped mentions, bare IDs and @names', () => {
    expect(parseUserRef('<@U0PER001>')).toEqual({ kind: 'id', slackId: 'U0PER001' });
    expect(parseUserRef('<@U0PER001|per>')).toEqual({ kind: 'id', slackId: 'U0PER001' });
    expect(parseUserRef('U0PER001')).toEqual({ kind: 'id', slackId: 'U0PER001' });
    expect(parseUserRef('@per.hansen')).toEqual({ kind: 'name', name: 'per.hansen' });
    expect(parseUserRef('@Åse')).toEqual({ kind: 'name', name: 'Åse' });
  });

  it('refuses what cannot be a user', () => {
    for (const text of ['<#C0123|kanal>', 'per', '@', '<@U0PER001', '@per;drop'])
      expect(parseUserRef(text), text).toBeNull();
  });
});

describe('reminder button values', () => {
  it('round-trip, and anything forged or malformed reads as null', () => {
    const value = { measureId: 3, agencyId: 2, measureNumber: 12, period: 'd2004-03-15~z4' };
    expect(decodeReminderButton(encodeReminderButton(value))).toEqual(value);
    expect(decodeReminderButton(encodeReminderButton({ ...value, period: 'r7' }))).toMatchObject({ period: 'r7' });
    for (const raw of [
      undefined,
      '',
      'not json',
      '{"m":1}',
      '{"m":-1,"a":1,"n":1,"p":"r1"}',
      '{"m":1,"a":1,"n":1,"p":"x"}',
      `{"m":1,"a":1,"n":1,"p":"r1","pad":"${'x'.repeat(300)}"}`,
    ]) {
      expect(decodeReminderButton(raw), String(raw)).toBeNull();
    }
  });
});
