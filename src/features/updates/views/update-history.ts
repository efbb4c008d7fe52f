import type { ContextBlock, KnownBlock } from '@slack/types';
import { dayOf } from '../../../kernel/calendar/calendar.js';
import {
  clip,
  clipMrkdwn,
  formatDay,
  formatInstant,
  formatKroner,
  statusText,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import type { HistoryPage, HistoryVersion } from '../update-history.js';
import { header, section } from './measure-lists.js';
import { pagerBlocks } from './measure-row.js';

/** Updates per page: each takes at most two blocks, so a page stays well inside a message. */
export const HISTORY_PAGE_SIZE = 5;
/** Older versions listed under an edited update; a context block takes ten elements. */
const MAX_OLDER = 9;

/** `/tiltak historikk <nr>`: newest first; an edited update shows its latest version and lists the earlier ones. */
export function historyMessage(
  loc: ViewLocale,
  measureNumber: number,
  history: HistoryPage,
): { text: string; blocks: KnownBlock[] } {
  const v = loc.m.measureViews;
  const title = v.historyTitle(measureNumber);
  if (history.totalSeries === 0)
    return { text: `${title}: ${v.historyNone}`, blocks: [header(title), section(v.historyNone)] };
  const blocks: KnownBlock[] = [
    header(title),
    { type: 'context', elements: [{ type: 'mrkdwn', text: v.historyCount(history.totalSeries) }] },
  ];
  for (const series of history.series) {
    const [current, ...older] = series.versions;
    if (current === undefined) continue;
    blocks.push({ type: 'divider' }, section(versionText(loc, current, series.versions.length)));
    if (older.length > 0) blocks.push(olderVersions(loc, older));
  }
  blocks.push(...pagerBlocks(loc, { k: 'history', m: measureNumber }, history.page, history.pageCount));
  return { text: `${title}: ${v.historyCount(history.totalSeries)}`, blocks };
}

function versionText(loc: ViewLocale, u: HistoryVersion, versions: number): string {
  const { m, lang } = loc;
  const v = m.measureViews;
  const by = v.updatedBy(formatInstant(loc, u.createdAt), clipMrkdwn(u.author.name, 100));
  const head = [
    `*${u.agency.code}*`,
    statusText(m, u.status),
    ...(u.progress === null ? [] : [v.progress(u.progress)]),
    by,
  ];
  const lines = [head.join(' · ') + (u.onBehalf ? ` (${v.onBehalf(u.agency.code)})` : '')];
  if (versions > 1) lines.push(`_${v.editedVersions(versions)}_`);
  lines.push(`*${v.done}:* ${clipMrkdwn(u.done, 900)}`);
  if (u.challenges !== null) lines.push(`*${v.challenges}:* ${clipMrkdwn(u.challenges, 600)}`);
  if (u.nextSteps !== null) lines.push(`*${v.nextSteps}:* ${clipMrkdwn(u.nextSteps, 600)}`);
  lines.push(
    [
      v.period(formatDay(m, lang, dayOf(u.periodDate))),
      ...(u.spendNok === null ? [] : [v.spend(formatKroner(lang, u.spendNok))]),
    ].join(' · '),
  );
  return lines.join('\n');
}

function olderVersions(loc: ViewLocale, older: HistoryVersion[]): ContextBlock {
  const { m } = loc;
  const v = m.measureViews;
  const elements = older.slice(0, MAX_OLDER).map((u) => {
    const head = v.olderVersion(u.version, formatInstant(loc, u.createdAt), clipMrkdwn(u.author.name, 100));
    const facts = [statusText(m, u.status), ...(u.progress === null ? [] : [v.progress(u.progress)])].join(' · ');
    return { type: 'mrkdwn' as const, text: clip(`${head}: ${facts}\n${clipMrkdwn(u.done, 1500)}`, 3000) };
  });
  if (older.length > MAX_OLDER) elements.push({ type: 'mrkdwn', text: '…' });
  return { type: 'context', elements };
}
