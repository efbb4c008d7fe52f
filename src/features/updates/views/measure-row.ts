import type { ActionsBlock, KnownBlock, SectionBlock } from '@slack/types';
import { STATUS_EMOJI } from '../../../kernel/status.js';
import {
  breakdown,
  clip,
  clipMrkdwn,
  formatDay,
  measureTitle,
  statusText,
  type ViewLocale,
} from '../../../kernel/text/format.js';
import { encodeOpen, encodePage, ids, type PageValue } from '../contract.js';
import type { MeasureRow } from '../measure-rows.js';

/** One measure in a list: status with per-agency breakdown, last update, next due date, and "Oppdater". */
export function measureRowBlock(loc: ViewLocale, row: MeasureRow): SectionBlock {
  const { m, lang } = loc;
  const { measure, agencies, rolled } = row.status;
  const v = m.measureViews;
  const statusLine =
    agencies.length > 1 ? `${statusText(m, rolled)} (${clip(breakdown(agencies), 1000)})` : statusText(m, rolled);
  const when = [
    row.lastUpdateDay === null ? v.neverUpdated : v.lastUpdate(formatDay(m, lang, row.lastUpdateDay)),
    ...(row.nextDueDay === null ? [] : [v.nextDue(formatDay(m, lang, row.nextDueDay))]),
    ...(row.overdueWorkingDays > 0 ? [v.overdueBy(row.overdueWorkingDays)] : []),
  ].join(' · ');
  const text = `${STATUS_EMOJI[rolled]} *${measure.number}* ${clipMrkdwn(measureTitle(lang, measure), 300)}\n${statusLine}\n${when}`;
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
  if (row.reportable.length > 0) {
    const agencyId = row.agencyId !== null && row.reportable.includes(row.agencyId) ? row.agencyId : undefined;
    block.accessory = {
      type: 'button',
      action_id: ids.actions.updates.open,
      text: { type: 'plain_text', text: v.updateButton },
      value: encodeOpen({ m: measure.number, ...(agencyId === undefined ? {} : { a: agencyId }) }),
    };
  }
  return block;
}

/** "Forrige" and "Neste" under a paged list; nothing when everything fits on one page. */
export function pagerBlocks(
  loc: ViewLocale,
  value: Omit<PageValue, 'p'>,
  page: number,
  pageCount: number,
): KnownBlock[] {
  if (pageCount <= 1) return [];
  const v = loc.m.measureViews;
  const actions: ActionsBlock = { type: 'actions', elements: [] };
  if (page > 0) {
    actions.elements.push({
      type: 'button',
      action_id: ids.actions.updates.pagePrev,
      text: { type: 'plain_text', text: v.previous },
      value: encodePage({ ...value, p: page - 1 }),
    });
  }
  if (page < pageCount - 1) {
    actions.elements.push({
      type: 'button',
      action_id: ids.actions.updates.pageNext,
      text: { type: 'plain_text', text: v.next },
      value: encodePage({ ...value, p: page + 1 }),
    });
  }
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: v.page(page + 1, pageCount) }] }, actions];
}

/** The slice of `items` on page `page` (clamped), with the page count. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pageCount - 1);
  return { items: items.slice(current * size, (current + 1) * size), page: current, pageCount };
}
