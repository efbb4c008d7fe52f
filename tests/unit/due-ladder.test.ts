import { describe, expect, it } from 'vitest';
import type { RoundFacts } from '../../src/features/plan/due.js';
import { describeRecorded } from '../../src/features/reminders/jobs/reminders-content.js';
import {
  type Delivery,
  evaluate,
  ledgerKey,
  tripleOf,
  unrecorded,
} from '../../src/features/reminders/jobs/reminders-plan.js';
import { remindedKey } from '../../src/features/reminders/jobs/reminders-state.js';
import { STEP } from '../../src/features/reminders/ladder.js';
import { oslo, pair, SETTINGS, type StateInput, state } from './due-support.js';

// Measure 1 / JD (contacts Kari and Per, team lead Liv) last reported Monday 1 March 2004:
// due Monday 15 March; step 1 Thursday 11th, step 2 Tuesday 16th, step 3 Thursday 18th.
const REPORTED = { lastUpdateAt: oslo('2004-03-01 10:00') };
const base = (over: StateInput = {}) => state({ pairs: [pair(REPORTED)], ...over });
const sent = (ds: Delivery[]) => ds.map((d) => `${d.step} ${d.period} ${d.recipient}`).sort();
const at = (local: string, over: StateInput = {}) => evaluate(base(over), SETTINGS, oslo(local));

describe('the ladder for one pair', () => {
  it('sends nothing before 09:00 on the due-soon day, then a due-soon DM to each contact', () => {
    expect(at('2004-03-11 08:59')).toEqual([]);
    expect(sent(at('2004-03-11 09:00'))).toEqual(['1 d2004-03-15 U0KARI01', '1 d2004-03-15 U0PER001']);
  });

  it('sends the overdue DM on the first working day after the due day, in place of the due-soon DM', () => {
    expect(sent(at('2004-03-16 09:00'))).toEqual(['2 d2004-03-15 U0KARI01', '2 d2004-03-15 U0PER001']);
  });

  it('tells the team lead at 3 working days overdue', () => {
    expect(sent(at('2004-03-18 09:00'))).toEqual([
      '2 d2004-03-15 U0KARI01',
      '2 d2004-03-15 U0PER001',
      '3 d2004-03-15 U0LEADJD',
    ]);
  });

  it('is resolved by a new update: nothing more for that period', () => {
    const reportedAgain = state({ pairs: [pair({ lastUpdateAt: oslo('2004-03-16 08:30') })] });
    expect(evaluate(reportedAgain, SETTINGS, oslo('2004-03-18 09:00'))).toEqual([]);
  });

  it('counts an "ikke aktuelt" as reported for the period', () => {
    const waived = state({ pairs: [pair({ ...REPORTED, lastWaivedAt: oslo('2004-03-12 14:00') })] });
    expect(evaluate(waived, SETTINGS, oslo('2004-03-18 09:00'))).toEqual([]);
    // The next period runs from the waiver: due Friday 26 March, step 1 on Wednesday 24th.
    expect(sent(evaluate(waived, SETTINGS, oslo('2004-03-24 09:00')))).toEqual([
      '1 d2004-03-26 U0KARI01',
      '1 d2004-03-26 U0PER001',
    ]);
  });

  it('lists coordinators in the weekly summary once a pair is 7 working days overdue', () => {
    expect(sent(at('2004-03-22 09:00')).filter((s) => s.startsWith('4'))).toEqual([]);
    expect(sent(at('2004-03-29 09:00')).filter((s) => s.startsWith('4'))).toEqual(['4 w2004-W14 U0KOORD1']);
  });

  it('sends steps 1–2 to the team lead and step 3 to the coordinators when an agency has no contacts', () => {
    const s = base({ pairs: [pair({ ...REPORTED, agencyId: 3, agencyCode: 'UDI' })] });
    expect(sent(evaluate(s, SETTINGS, oslo('2004-03-18 09:00')))).toEqual([
      '2 d2004-03-15 U0KOORD1',
      '3 d2004-03-15 U0KOORD1',
    ]);
  });
});

describe('absence', () => {
  it('sends the absent contact’s reminders to the named substitute, flagged, and merges duplicates', () => {
    const away = { absences: [{ slackId: 'U0KARI01', toDay: '2004-03-19', substituteSlackId: 'U0PER001' }] };
    const ds = at('2004-03-11 09:00', away);
    expect(sent(ds)).toEqual(['1 d2004-03-15 U0PER001']);
    const verdict = describeRecorded(
      { ...ds[0]!, createdAt: oslo('2004-03-11 09:00') },
      base(away),
      SETTINGS,
      oslo('2004-03-11 09:00'),
    );
    expect(verdict).toMatchObject({
      send: { kind: 'pair', standingInFor: [{ absent: 'U0KARI01', untilDay: '2004-03-19', kind: 'substitute' }] },
    });
  });

  it('sends them to the team lead, flagged as absence, when there is no substitute', () => {
    const away = { absences: [{ slackId: 'U0KARI01', toDay: '2004-03-19', substituteSlackId: null }] };
    expect(sent(at('2004-03-11 09:00', away))).toEqual(['1 d2004-03-15 U0LEADJD', '1 d2004-03-15 U0PER001']);
    const verdict = describeRecorded(
      {
        step: 1,
        period: 'd2004-03-15',
        measureId: 1,
        agencyId: 1,
        recipient: 'U0LEADJD',
        createdAt: oslo('2004-03-11 09:00'),
      },
      base(away),
      SETTINGS,
      oslo('2004-03-11 09:00'),
    );
    expect(verdict).toMatchObject({ send: { standingInFor: [{ absent: 'U0KARI01', kind: 'team_lead' }] } });
  });

  it('sends an absent team lead’s escalation to their substitute', () => {
    const away = { absences: [{ slackId: 'U0LEADJD', toDay: '2004-03-31', substituteSlackId: 'U0KOORD1' }] };
    expect(sent(at('2004-03-18 09:00', away)).filter((s) => s.startsWith('3'))).toEqual(['3 d2004-03-15 U0KOORD1']);
  });
});

describe('snooze ("Utsett 1 dag")', () => {
  // Kari got step 1 at 09:00 on Thursday 11 March and snoozed at 10:00: back Friday 12th at 09:00.
  const snoozed = {
    snoozes: [
      {
        id: 4,
        measureId: 1,
        agencyId: 1,
        slackId: 'U0KARI01',
        createdAt: oslo('2004-03-11 10:00'),
        until: oslo('2004-03-12 09:00'),
      },
    ],
    reminded: [[remindedKey(1, 1, 'U0KARI01', 'd2004-03-15'), oslo('2004-03-11 09:00')]] as Array<[string, Date]>,
  };

  it('repeats the reminder to the snoozer, and only to them, at the next working day’s reminder time', () => {
    expect(sent(at('2004-03-11 16:00', snoozed)).filter((s) => s.includes('~'))).toEqual([]);
    expect(sent(at('2004-03-12 09:00', snoozed)).filter((s) => s.includes('~'))).toEqual(['1 d2004-03-15~z4 U0KARI01']);
  });

  it('holds a step that falls due during the snooze until the snooze ends, and does not repeat it as well', () => {
    const over = {
      ...snoozed,
      snoozes: [{ ...snoozed.snoozes[0]!, createdAt: oslo('2004-03-15 10:00'), until: oslo('2004-03-16 09:00') }],
    };
    expect(sent(at('2004-03-16 08:00', over)).filter((x) => !x.startsWith('1 '))).toEqual([]);
    const ds = at('2004-03-16 09:00', over);
    expect(sent(ds)).toEqual(['2 d2004-03-15 U0KARI01', '2 d2004-03-15 U0PER001']);
  });

  it('defers the snoozer’s copy of a new step recorded during the snooze', () => {
    const over = {
      ...snoozed,
      snoozes: [{ ...snoozed.snoozes[0]!, createdAt: oslo('2004-03-15 10:00'), until: oslo('2004-03-17 09:00') }],
    };
    const kari = at('2004-03-16 09:00', over).find((d) => d.recipient === 'U0KARI01');
    expect(kari?.notBefore).toEqual(oslo('2004-03-17 09:00'));
  });

  it('skips a recorded reminder the recipient snoozed before it could be sent', () => {
    const row = {
      step: 1,
      period: 'd2004-03-15',
      measureId: 1,
      agencyId: 1,
      recipient: 'U0KARI01',
      createdAt: oslo('2004-03-11 09:00'),
    };
    expect(describeRecorded(row, base(snoozed), SETTINGS, oslo('2004-03-11 11:00'))).toEqual({ skip: 'snoozed' });
  });
});

describe('reporting rounds', () => {
  const round: RoundFacts = {
    id: 2,
    focusAreaId: 1,
    openedAt: oslo('2004-03-01 13:15'),
    deadlineDay: '2004-03-12',
    closedAt: null,
  };
  const inRound = { pairs: [pair({ lastUpdateAt: oslo('2004-02-20 10:00') })], rounds: [round] };

  it('tells every contact at the moment the round opens, whatever the time of day', () => {
    expect(sent(at('2004-03-01 13:15', inRound))).toEqual(['0 r2 U0KARI01', '0 r2 U0PER001']);
    expect(at('2004-03-01 13:15', inRound).every((d) => d.measureId === 0)).toBe(true);
  });

  it('runs the ladder against the round’s deadline instead of the cadence', () => {
    expect(sent(at('2004-03-10 09:00', inRound))).toContain('1 r2 U0KARI01');
    expect(sent(at('2004-03-15 09:00', inRound))).toEqual(['2 r2 U0KARI01', '2 r2 U0PER001']);
  });

  it('does not cover measures of another focus area', () => {
    expect(
      at('2004-03-01 13:15', { ...inRound, pairs: [pair({ focusAreaId: 2, lastUpdateAt: oslo('2004-02-27 10:00') })] }),
    ).toEqual([]);
  });

  it('skips a notice still unsent when the pair has reported or the round has closed', () => {
    const row = {
      step: 0,
      period: 'r2',
      measureId: 0,
      agencyId: 0,
      recipient: 'U0KARI01',
      createdAt: oslo('2004-03-01 13:15'),
    };
    const reported = state({ pairs: [pair({ lastUpdateAt: oslo('2004-03-02 10:00') })], rounds: [round] });
    expect(describeRecorded(row, reported, SETTINGS, oslo('2004-03-02 11:00'))).toEqual({ skip: 'round_reported' });
    expect(describeRecorded(row, base(inRound), SETTINGS, oslo('2004-03-13 09:00'))).toEqual({ skip: 'round_closed' });
  });
});

describe('recording and re-checking', () => {
  it('plans a step of a period once, for everybody: a later absence does not send it again to the substitute', () => {
    const first = at('2004-03-11 09:00');
    const recorded = new Set(first.map(tripleOf));
    const away = { absences: [{ slackId: 'U0KARI01', toDay: '2004-03-19', substituteSlackId: 'U0LEADJD' }] };
    expect(unrecorded(at('2004-03-12 09:00', away), recorded)).toEqual([]);
  });

  it('skips a recorded step when the pair reported before it could be sent', () => {
    const row = {
      step: 2,
      period: 'd2004-03-15',
      measureId: 1,
      agencyId: 1,
      recipient: 'U0KARI01',
      createdAt: oslo('2004-03-16 09:00'),
    };
    const reported = state({ pairs: [pair({ lastUpdateAt: oslo('2004-03-16 09:30') })] });
    expect(describeRecorded(row, reported, SETTINGS, oslo('2004-03-16 09:45'))).toEqual({ skip: 'reported' });
  });

  it('reports a recipient Slack refused for good to the coordinators', () => {
    const failed = base({ failures: [{ measureId: 1, agencyId: 1, recipient: 'U0GONE01', code: 'user_not_found' }] });
    const ds = evaluate(failed, SETTINGS, oslo('2004-03-02 14:00'));
    expect(ds.map((d) => d.key)).toEqual([
      ledgerKey({
        step: STEP.failure,
        period: 'f:U0GONE01:user_not_found',
        measureId: 1,
        agencyId: 1,
        recipient: 'U0KOORD1',
      }),
    ]);
  });
});
