import { type Lang, messages } from '../../kernel/i18n/index.js';
import { nameIn, titleIn } from '../../kernel/i18n/localized.js';
import { CHART_STATUS_ORDER, formatDayRange } from '../digests/index.js';
import type { ReportData, ReportMeasure } from './model.js';

/** The report as neutral blocks: Markdown and DOCX render the same list, so their content cannot drift apart. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'label'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; text: string; attribution: string };

function measureBlocks(x: ReportMeasure, lang: Lang, timeZone: string): ReportBlock[] {
  const m = messages(lang);
  const r = m.report;
  const agencies = x.agencies.map((a) => `${a.code} – ${nameIn(lang, a)} (${a.role === 'LEAD' ? r.lead : r.partner})`);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: r.measureHeading(x.number, titleIn(lang, x)) },
    { kind: 'field', label: r.responsible, value: agencies.length > 0 ? agencies.join('; ') : r.noAgencies },
    { kind: 'field', label: r.status, value: m.status[x.rolled] },
  ];
  if (x.entries.length === 0) {
    blocks.push({ kind: 'paragraph', text: x.waivedOnly ? r.waived : r.notReportedInPeriod });
    return blocks;
  }
  const attribution = (e: ReportMeasure['entries'][number]) =>
    r.attribution(
      e.agencyCode,
      e.authorName,
      new Intl.DateTimeFormat(r.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
        e.createdAt,
      ),
      e.onBehalf,
    );
  blocks.push({ kind: 'label', text: r.done });
  for (const e of x.entries) blocks.push({ kind: 'quote', text: e.done, attribution: attribution(e) });
  const challenges = x.entries.filter((e) => e.challenges);
  if (challenges.length > 0) {
    blocks.push({ kind: 'label', text: r.challenges });
    for (const e of challenges) blocks.push({ kind: 'quote', text: e.challenges ?? '', attribution: attribution(e) });
  }
  return blocks;
}

/**
 * Pure: shaped like the government's mid-term status report (June 2004): an
 * introduction with title, period, budget and counts; each focus area with
 * its measures, agencies, status, what was done and the challenges in the
 * agencies' own words; an annex of measures not reported.
 */
export function reportDocument(data: ReportData, lang: Lang, timeZone: string): ReportBlock[] {
  const m = messages(lang);
  const r = m.report;
  const title = titleIn(lang, data.plan);
  const period = formatDayRange(data.from, data.to, lang);
  const made = new Intl.DateTimeFormat(r.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    data.generatedAt,
  );
  const measures = data.areas.flatMap((a) => a.measures);
  const notReported = measures.filter((x) => !x.reported);
  const blocks: ReportBlock[] = [
    { kind: 'title', text: r.title(title) },
    { kind: 'paragraph', text: r.subtitle(period, made) },
    { kind: 'heading', level: 1, text: r.introHeading },
    { kind: 'paragraph', text: r.introPlan(title, formatDayRange(data.plan.startDate, data.plan.endDate, lang)) },
    {
      kind: 'paragraph',
      text:
        data.plan.budgetNok === null
          ? r.introNoBudget
          : r.introBudget(new Intl.NumberFormat(r.locale).format(data.plan.budgetNok)),
    },
    { kind: 'paragraph', text: r.introCounts(data.measureCount, data.areaCount, data.agencyCount) },
    {
      kind: 'paragraph',
      text: r.introReports(data.updateCount, measures.length - notReported.length, notReported.length),
    },
    { kind: 'label', text: r.statusAtEnd },
    {
      kind: 'list',
      items: CHART_STATUS_ORDER.filter((s) => data.counts[s] > 0).map((s) => `${m.status[s]}: ${data.counts[s]}`),
    },
  ];
  for (const area of data.areas) {
    const heading = area.number === null ? r.unplacedHeading : r.areaHeading(area.number, titleIn(lang, area));
    blocks.push({ kind: 'heading', level: 1, text: heading });
    for (const x of area.measures) blocks.push(...measureBlocks(x, lang, timeZone));
  }
  blocks.push({ kind: 'heading', level: 1, text: r.annexHeading });
  if (notReported.length === 0) {
    blocks.push({ kind: 'paragraph', text: r.annexNone });
  } else {
    blocks.push({ kind: 'paragraph', text: r.annexIntro(period) });
    blocks.push({
      kind: 'list',
      items: notReported.map(
        (x) =>
          `${r.measureHeading(x.number, titleIn(lang, x))} (${x.agencies.map((a) => a.code).join(', ') || r.noAgencies})`,
      ),
    });
  }
  return blocks;
}
