import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/features/plan/plan-changes.js';
import type { PlanFile, ResolvedPlanFile } from '../../src/features/plan/plan-file.js';
import { parseSlackUserId, type SlackUserId } from '../../src/kernel/slack/slack-user-id.js';

function member(id: string): SlackUserId {
  const parsed = parseSlackUserId(id);
  if (parsed === null) throw new Error(id);
  return parsed;
}

const base: ResolvedPlanFile = {
  plan: { title_nb: 'Plan', title_en: 'Plan', start: '2004-01-01', end: '2004-12-31' },
  focus_areas: [{ number: 1, title_nb: 'Beskytte', title_en: 'Protect', channel: 'C0FOCUS1' }],
  agencies: [{ code: 'JD', name_nb: 'Justis', name_en: 'Justice', kind: 'ministry' }],
  people: [{ slack_id: member('U0KARI01'), name: 'Kari', agency: 'JD', role: 'contact', language: 'nb', active: true }],
  measures: [{ number: 1, title_nb: 'Tiltak', title_en: 'Measure', lead: 'JD', partners: ['BFD', 'UDI'] }],
};

describe('planChanges', () => {
  it('finds nothing between a plan and the same plan with its defaults written out', () => {
    const current: PlanFile = { ...base, plan: { ...base.plan, default_cadence_days: 14, digest_time: '08:00' } };
    expect(planChanges(current, base)).toEqual({ adds: [], changes: [], removals: [], kept: 0 });
  });

  it('names adds, changed values, removed values and partners, and counts what the file leaves out', () => {
    const next: ResolvedPlanFile = {
      ...base,
      focus_areas: [{ number: 1, title_nb: 'Beskytte ofre', title_en: 'Protect' }],
      agencies: [],
      measures: [
        { number: 1, title_nb: 'Tiltak', title_en: 'Measure', lead: 'JD', partners: ['UDI', 'KRD'] },
        { number: 2, title_nb: 'Nytt', title_en: 'New', partners: [] },
      ],
    };
    expect(planChanges(base, next)).toEqual({
      adds: ['measures 2 «Nytt»'],
      changes: [
        'focus_areas 1 «Beskytte ofre»: title_nb «Beskytte» → «Beskytte ofre»',
        'measures 1 «Tiltak»: partners +KRD',
      ],
      removals: ['focus_areas 1 «Beskytte ofre»: channel «C0FOCUS1» removed', 'measures 1 «Tiltak»: partners −BFD'],
      kept: 1,
    });
  });

  it('counts everything as added when there is no plan yet', () => {
    const changes = planChanges(null, base);
    expect(changes.adds).toEqual([
      'plan',
      'focus_areas 1 «Beskytte»',
      'agencies JD',
      'people U0KARI01 (Kari)',
      'measures 1 «Tiltak»',
    ]);
  });
});
