import { describe, expect, it } from 'vitest';
import { needsChallenges, rollUp } from '../../src/kernel/status.js';

describe("a measure's rolled-up status", () => {
  it('is "not reported" while no agency has reported, or no agency is responsible', () => {
    expect(rollUp([])).toBe('NO_REPORT');
    expect(rollUp([null, null])).toBe('NO_REPORT');
  });

  it('takes the worst of the agencies latest statuses', () => {
    expect(rollUp(['ON_TRACK', 'AT_RISK', 'COMPLETED'])).toBe('AT_RISK');
    expect(rollUp(['AT_RISK', 'DELAYED'])).toBe('DELAYED');
    expect(rollUp(['ON_TRACK', 'NOT_STARTED'])).toBe('NOT_STARTED');
  });

  it('is completed only when every agency is done', () => {
    expect(rollUp(['COMPLETED', 'COMPLETED'])).toBe('COMPLETED');
    expect(rollUp(['COMPLETED', 'ON_TRACK'])).toBe('ON_TRACK');
    expect(rollUp(['COMPLETED', null])).toBe('NOT_STARTED');
  });

  it('leaves cancelled agencies out unless all are cancelled', () => {
    expect(rollUp(['CANCELLED', 'COMPLETED'])).toBe('COMPLETED');
    expect(rollUp(['CANCELLED', 'DELAYED'])).toBe('DELAYED');
    expect(rollUp(['CANCELLED', 'CANCELLED'])).toBe('CANCELLED');
  });

  it('asks for challenges exactly when at risk or delayed', () => {
    expect(needsChallenges('AT_RISK')).toBe(true);
    expect(needsChallenges('DELAYED')).toBe(true);
    expect(needsChallenges('ON_TRACK')).toBe(false);
    expect(needsChallenges('NOT_STARTED')).toBe(false);
  });
});
