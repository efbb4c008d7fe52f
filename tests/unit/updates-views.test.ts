import { describe, expect, it } from 'vitest';
import type { AreaOverview } from '../../src/features/home/plan-overview.js';
import { homeView } from '../../src/features/home/views/home.js';
import type { MeasureStatus } from '../../src/features/plan/measure-status.js';
import type { MeasureCard } from '../../src/features/updates/measure-card.js';
import type { MeasureRow } from '../../src/features/updates/measure-rows.js';
import type { UpdateForm } from '../../src/features/updates/update-form.js';
import type { HistoryPage } from '../../src/features/updates/update-history.js';
import { measureCardMessage } from '../../src/features/updates/views/measure-card.js';
import { measureListMessage } from '../../src/features/updates/views/measure-lists.js';
import { updateConfirmation } from '../../src/features/updates/views/update-confirmation.js';
import { historyMessage } from '../../src/features/updates/views/update-history.js';
import { updateModalView } from '../../src/features/updates/views/update-modal.js';
import type { Update } from '../../src/generated/prisma/client.js';
import { messages } from '../../src/kernel/i18n/index.js';
import type { ViewLocale } from '../../src/kernel/text/format.js';
import { checkBlockKit } from '../rig/block-kit-limits.js';

const nb: ViewLocale = { m: messages('nb'), lang: 'nb', timeZone: 'Europe/Oslo' };
const en: ViewLocale = { m: messages('en'), lang: 'en', timeZone: 'Europe/Oslo' };
const hostile = `<!channel> & <https://x.example|klikk> ${'æøå'.repeat(2000)}`;
const long = 'x'.repeat(3000);

function update(over: Partial<Update> = {}): Update {
  return {
    id: 1,
    seriesId: '00000000-0000-4000-8000-000000000001',
    version: 1,
    measureId: 1,
    agencyId: 1,
    authorId: 1,
    onBehalf: false,
    status: 'DELAYED',
    progress: 40,
    done: long,
    challenges: long,
    nextSteps: long,
    spendNok: 123_456_789n,
    periodDate: new Date('2004-02-27T00:00:00Z'),
    createdAt: new Date('2004-03-01T08:00:00Z'),
    ...over,
  };
}

function status(number: number, agencies = 1): MeasureStatus {
  return {
    measure: { id: number, number, titleNb: hostile, titleEn: hostile, focusAreaId: 1 },
    agencies: Array.from({ length: agencies }, (_, i) => ({
      agencyId: i + 1,
      code: `AG${i}`,
      nameNb: hostile,
      nameEn: hostile,
      role: i === 0 ? ('LEAD' as const) : ('PARTNER' as const),
      latest: update({ agencyId: i + 1 }),
    })),
    rolled: 'DELAYED',
  };
}

const row = (number: number, agencies = 1): MeasureRow => ({
  status: status(number, agencies),
  agencyId: 1,
  lastUpdateDay: '2004-03-01',
  nextDueDay: '2004-03-15',
  overdueWorkingDays: 3,
  reportable: [1],
});

function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'mrkdwn' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}

const within = (kind: 'message' | 'modal' | 'home', payload: unknown) =>
  expect(checkBlockKit(kind, payload)).toEqual([]);

describe('views stay within Block Kit limits whatever the data', () => {
  it('the update modal, with hostile titles, full-length texts and a hundred measures to choose from', () => {
    const ref = { id: 1, number: 1, titleNb: hostile, titleEn: hostile };
    const form: UpdateForm = {
      seriesId: '00000000-0000-4000-8000-000000000001',
      baseVersion: 0,
      measure: ref,
      measureChoices: Array.from({ length: 100 }, (_, i) => ({ ...ref, id: i + 1, number: i + 1 })),
      agency: { id: 1, code: 'JD', nameNb: hostile, nameEn: hostile, role: 'LEAD' },
      agencyChoices: Array.from({ length: 30 }, (_, i) => ({
        id: i + 1,
        code: `A${i}`,
        nameNb: hostile,
        nameEn: hostile,
        role: 'PARTNER' as const,
      })),
      prefill: update(),
      bounds: { earliest: '2004-01-01', latest: '2004-03-01' },
      today: '2004-03-01',
    };
    const view = updateModalView(nb, form, '{}');
    within('modal', view);
    const fixed = updateModalView(en, { ...form, baseVersion: 1, measureChoices: [], agencyChoices: [] }, '{}');
    within('modal', fixed);
    // plain_text is shown as typed; only mrkdwn could ping a channel, so it must be escaped.
    expect(mrkdwnTexts([view, fixed]).join('\n')).not.toContain('<!channel>');
    expect(mrkdwnTexts(fixed).join('\n')).toContain('&lt;!channel&gt; &amp;');
  });

  it('the card of a measure with twenty agencies, each with full-length texts', () => {
    const s = status(7, 20);
    const card: MeasureCard = {
      measure: {
        id: 7,
        number: 7,
        titleNb: hostile,
        titleEn: hostile,
        description: hostile,
        focusAreaId: 1,
        cadenceDays: null,
        deadline: new Date('2004-06-30T00:00:00Z'),
        archivedAt: null,
        focusArea: {
          id: 1,
          number: 1,
          titleNb: hostile,
          titleEn: hostile,
          channel: null,
          digestWeekday: null,
          digestTime: null,
        },
        agencies: [],
      },
      status: s,
      agencies: s.agencies.map((a) => ({
        status: a,
        authorName: hostile,
        nextDueDay: '2004-03-15',
        overdueWorkingDays: 2,
        mayUpdate: true,
        editable: '00000000-0000-4000-8000-000000000001',
      })),
    };
    const message = measureCardMessage(nb, card);
    within('message', message);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('a full page of a list whose measures have thirty agencies', () => {
    const rows = Array.from({ length: 95 }, (_, i) => row(i + 1, 30));
    const message = measureListMessage(en, { number: 1, title: hostile }, rows, 2);
    within('message', message);
    expect(JSON.stringify(message)).toContain('Page 3 of 5');
  });

  it('a history page of updates edited many times', () => {
    const author = { name: hostile, slackId: 'U1' };
    const agency = { code: 'JD', nameNb: 'J', nameEn: 'J' };
    const history: HistoryPage = {
      page: 0,
      pageCount: 3,
      totalSeries: 15,
      series: Array.from({ length: 5 }, (_, s) => ({
        seriesId: `s${s}`,
        versions: Array.from({ length: 15 }, (_, v) => ({ ...update({ version: 15 - v }), author, agency })),
      })),
    };
    within('message', historyMessage(nb, 1, history));
  });

  it('the confirmation DM with every field at full length', () => {
    within(
      'message',
      updateConfirmation(nb, {
        update: update({ onBehalf: true }),
        measure: { number: 1, titleNb: hostile, titleEn: hostile },
        agencyCode: 'JD',
        editWindowDays: 7,
      }),
    );
  });
});

describe('the Home tab', () => {
  const areas = (count: number): AreaOverview[] =>
    Array.from({ length: count }, (_, i) => ({
      area: { id: i, number: i + 1, titleNb: hostile, titleEn: hostile },
      measures: 10,
      overdue: 2,
      counts: { ON_TRACK: 4, DELAYED: 6 },
      recent: Array.from({ length: 5 }, () => ({
        createdAt: new Date('2004-03-01T08:00:00Z'),
        status: 'ON_TRACK' as const,
        measureNumber: 1,
        agencyCode: 'JD',
        version: 1,
      })),
    }));

  it.each([
    [
      'a contact with a thousand measures',
      { name: 'Kari', mine: Array.from({ length: 1000 }, (_, i) => row(i)), overview: null },
    ],
    ['a coordinator of 500 focus areas without measures of their own', { name: 'Kim', mine: [], overview: areas(500) }],
    [
      'a coordinator of 500 focus areas with 500 measures of their own',
      { name: hostile, mine: Array.from({ length: 500 }, (_, i) => row(i, 30)), overview: areas(500) },
    ],
    ['a coordinator of an empty plan', { name: 'Kim', mine: [], overview: [] }],
  ])('fits in 100 blocks for %s', (_label, data) => {
    const view = homeView(nb, data);
    within('home', view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('sums up the focus areas that do not fit', () => {
    const text = JSON.stringify(homeView(nb, { name: 'Kim', mine: [], overview: areas(500) }));
    expect(text).toMatch(/… og 4\d\d satsingsområder til med 4\d\d0 tiltak/u);
  });
});
