import { emptyCounts } from '../../src/features/digests/counts.js';
import type { Digest, DigestMeasure, StatusCounts } from '../../src/features/digests/model.js';
import { weekPeriod, weeksUpTo } from '../../src/features/digests/schedule.js';

export function counts(partial: Partial<StatusCounts>): StatusCounts {
  return { ...emptyCounts(), ...partial };
}

/** A digest in data, as buildDigest returns it, for the pure view and chart tests. */
export function sampleDigest(overrides: Partial<Digest> = {}): Digest {
  const period = weekPeriod('2004-W09', 'Europe/Oslo');
  const history = weeksUpTo('2004-W09', 8).map((week, i) => ({
    week,
    counts: counts({
      NO_REPORT: Math.max(0, 6 - i),
      ON_TRACK: Math.min(i, 4),
      AT_RISK: i > 4 ? 1 : 0,
      DELAYED: i > 5 ? 1 : 0,
    }),
  }));
  const changed: DigestMeasure[] = [
    {
      number: 2,
      titleNb: 'Trygge steder',
      titleEn: 'Safe places',
      before: 'ON_TRACK',
      after: 'AT_RISK',
      updates: [
        {
          id: 41,
          agencyCode: 'JD',
          agencyNameNb: 'Justisdepartementet',
          agencyNameEn: 'Ministry of Justice',
          authorName: 'Kari Nordmann',
          onBehalf: false,
          status: 'AT_RISK',
          progress: 40,
          done: 'Avtale med tre krisesentre er på plass.',
          challenges: 'Finansieringen for 2005 er uavklart.',
          version: 1,
          createdAt: new Date('2004-02-25T10:00:00+01:00'),
        },
      ],
      overdue: [{ code: 'UDI', overdueWorkingDays: 3 }],
    },
  ];
  return {
    area: { id: 1, number: 1, titleNb: 'Beskytte', titleEn: 'Protect', channel: 'C0FOCUS1' },
    period,
    counts: history.at(-1)?.counts ?? counts({}),
    previousCounts: history.at(-2)?.counts ?? counts({}),
    measureCount: 6,
    updateCount: 1,
    overduePairs: 1,
    changed,
    quiet: [
      { number: 1, status: 'ON_TRACK', overdue: [] },
      { number: 5, status: 'NO_REPORT', overdue: [] },
    ],
    history,
    ...overrides,
  };
}
