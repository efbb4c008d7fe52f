import { type Lang, messages } from '../../kernel/i18n/index.js';
import { nameIn, titleIn } from '../../kernel/i18n/localized.js';
import { CHART_STATUS_ORDER, formatDayRange } from '../digests/index.js';
import type { ReportEntry, ReportMeasure, ReportOutline } from './model.js';

/** The report as neutral blocks: Markdown and DOCX render the same list, so their content cannot drift apart. */
export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'label'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; text: string; attribution: string };

/** A measure's entries, oldest first, or only those with challenges: read in pages as the blocks are written. */
export type EntrySource = (measure: ReportMeasure, challengesOnly: boolean) => AsyncIterable<ReportEntry>;

async function* measureBlocks(
  x: ReportMeasure,
  entries: EntrySource,
  lang: Lang,
  day: Intl.DateTimeFormat,
): AsyncGenerator<ReportBlock> {
  const m = messages(lang);
  const r = m.report;
  const agencies = x.agencies.map((a) => `${a.code} – ${nameIn(lang, a)} (${a.role === 'LEAD' ? r.lead : r.partner})`);
  yield { kind: 'heading', level: 2, text: r.measureHeading(x.number, titleIn(lang, x)) };
  yield { kind: 'field', label: r.responsible, value: agencies.length > 0 ? agencies.join('; ') : r.noAgencies };
  yield { kind: 'field', label: r.status, value: m.status[x.rolled] };
  if (x.entryCount === 0) {
    yield { kind: 'paragraph', text: x.waivedOnly ? r.waived : r.notReportedInPeriod };
    return;
  }
  const attribution = (e: ReportEntry) =>
    r.attribution(e.agencyCode, e.authorName, day.format(e.createdAt), e.onBehalf);
  yield { kind: 'label', text: r.done };
  let challenges = false;
  for await (const e of entries(x, false)) {
    yield { kind: 'quote', text: e.done, attribution: attribution(e) };
    if (e.challenges) challenges = true;
  }
  if (!challenges) return;
  yield { kind: 'label', text: r.challenges };
  for await (const e of entries(x, true))
    yield { kind: 'quote', text: e.challenges ?? '', attribution: attribution(e) };
}

/**
 * Shaped like the government's mid-term status report (June 2004): an
 * introduction with title, period, budget and counts; each focus area with
 * its measures, agencies, status, what was done and the challenges in the
 * agencies' own words; an annex of measures not reported. The blocks come
 * one at a time, the entries read as they are reached, so a writer can pass
 * each on before the next is made.
 */
export async function* reportBlocks(
  outline: ReportOutline,
  entries: EntrySource,
  lang: Lang,
  timeZone: string,
): AsyncGenerator<ReportBlock> {
  const m = messages(lang);
  const r = m.report;
  // One formatter for the whole report: making one per quote cost more than the quote.
  const day = new Intl.DateTimeFormat(r.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const title = titleIn(lang, outline.plan);
  const period = formatDayRange(outline.from, outline.to, lang);
  const measures = outline.areas.flatMap((a) => a.measures);
  const notReported = measures.filter((x) => !x.reported);
  yield { kind: 'title', text: r.title(title) };
  yield { kind: 'paragraph', text: r.subtitle(period, day.format(outline.generatedAt)) };
  yield { kind: 'heading', level: 1, text: r.introHeading };
  yield {
    kind: 'paragraph',
    text: r.introPlan(title, formatDayRange(outline.plan.startDate, outline.plan.endDate, lang)),
  };
  yield {
    kind: 'paragraph',
    text:
      outline.plan.budgetNok === null
        ? r.introNoBudget
        : r.introBudget(new Intl.NumberFormat(r.locale).format(outline.plan.budgetNok)),
  };
  yield { kind: 'paragraph', text: r.introCounts(outline.measureCount, outline.areaCount, outline.agencyCount) };
  yield {
    kind: 'paragraph',
    text: r.introReports(outline.updateCount, measures.length - notReported.length, notReported.length),
  };
  yield { kind: 'label', text: r.statusAtEnd };
  yield {
    kind: 'list',
    items: CHART_STATUS_ORDER.filter((s) => outline.counts[s] > 0).map((s) => `${m.status[s]}: ${outline.counts[s]}`),
  };
  for (const area of outline.areas) {
    const heading = area.number === null ? r.unplacedHeading : r.areaHeading(area.number, titleIn(lang, area));
    yield { kind: 'heading', level: 1, text: heading };
    for (const x of area.measures) yield* measureBlocks(x, entries, lang, day);
  }
  yield { kind: 'heading', level: 1, text: r.annexHeading };
  if (notReported.length === 0) {
    yield { kind: 'paragraph', text: r.annexNone };
    return;
  }
  yield { kind: 'paragraph', text: r.annexIntro(period) };
  yield {
    kind: 'list',
    items: notReported.map(
      (x) =>
        `${r.measureHeading(x.number, titleIn(lang, x))} (${x.agencies.map((a) => a.code).join(', ') || r.noAgencies})`,
    ),
  };
}
