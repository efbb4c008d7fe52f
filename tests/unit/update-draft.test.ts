import { describe, expect, it } from 'vitest';
import { type RawDraft, validateDraft } from '../../src/features/updates/update-draft.js';

const bounds = { earliest: '2004-01-01', latest: '2004-03-01' };
const good: RawDraft = { status: 'ON_TRACK', done: 'Gjort', periodDate: '2004-02-01' };

const errorsOf = (raw: RawDraft) => {
  const result = validateDraft(raw, bounds);
  return result.ok ? {} : result.errors;
};
const spendOf = (spend: string) => {
  const result = validateDraft({ ...good, spend }, bounds);
  return result.ok ? result.draft.spendNok : result.errors.spend;
};

describe('validateDraft', () => {
  it('accepts a minimal update and turns blanks into nulls', () => {
    expect(validateDraft({ ...good, progress: ' ', challenges: '  ', nextSteps: '' }, bounds)).toEqual({
      ok: true,
      draft: {
        status: 'ON_TRACK',
        progress: null,
        done: 'Gjort',
        challenges: null,
        nextSteps: null,
        spendNok: null,
        periodDate: '2004-02-01',
      },
    });
  });

  it('reads whole kroner as people write them', () => {
    expect(spendOf('12 500')).toBe(12_500n);
    expect(spendOf('12\u00a0500 kr')).toBe(12_500n);
    expect(spendOf('12.500')).toBe(12_500n);
    expect(spendOf('12 500,-')).toBe(12_500n);
    expect(spendOf('0')).toBe(0n);
    expect(spendOf('1000000000000')).toBe(1_000_000_000_000n);
  });

  it('refuses decimals, words, negative and absurd amounts', () => {
    expect(spendOf('12,5')).toBe('invalid');
    expect(spendOf('12.5')).toBe('invalid');
    expect(spendOf('1234.567')).toBe('invalid');
    expect(spendOf('tolv')).toBe('invalid');
    expect(spendOf('-5')).toBe('negative');
    expect(spendOf('1000000000001')).toBe('too_large');
    expect(spendOf('9'.repeat(40))).toBe('too_large');
  });

  it('takes progress as a whole number from 0 to 100', () => {
    expect(errorsOf({ ...good, progress: '100' })).toEqual({});
    for (const progress of ['101', '-1', '5.5', '1e2', 'halvveis'])
      expect(errorsOf({ ...good, progress })).toEqual({ progress: 'invalid' });
  });

  it('requires challenges only for AT_RISK and DELAYED', () => {
    expect(errorsOf({ ...good, status: 'AT_RISK' })).toEqual({ challenges: 'required_for_status' });
    expect(errorsOf({ ...good, status: 'DELAYED' })).toEqual({ challenges: 'required_for_status' });
    expect(errorsOf({ ...good, status: 'NOT_STARTED' })).toEqual({});
  });

  it('counts text after trimming, up to 3000 characters', () => {
    expect(errorsOf({ ...good, done: ` ${'x'.repeat(3000)} ` })).toEqual({});
    expect(errorsOf({ ...good, done: 'x'.repeat(3001) })).toEqual({ done: 'too_long' });
  });

  it('keeps the period within the plan and not after the latest day', () => {
    expect(errorsOf({ ...good, periodDate: '2004-01-01' })).toEqual({});
    expect(errorsOf({ ...good, periodDate: '2004-03-01' })).toEqual({});
    expect(errorsOf({ ...good, periodDate: '2003-12-31' })).toEqual({ periodDate: 'before_plan' });
    expect(errorsOf({ ...good, periodDate: '2004-03-02' })).toEqual({ periodDate: 'after_latest' });
    expect(errorsOf({ ...good, periodDate: '01.02.2004' })).toEqual({ periodDate: 'invalid' });
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ status: 'DELAYED' })).toEqual({
      done: 'required',
      challenges: 'required_for_status',
      periodDate: 'required',
    });
    expect(errorsOf({})).toEqual({ status: 'required', done: 'required', periodDate: 'required' });
  });
});
