import type { KnownBlock } from '@slack/types';
import { clip, clipMrkdwn, type ViewLocale } from '../../../kernel/text/format.js';
import type { MeasureRow } from '../measure-rows.js';
import { measureRowBlock, pageOf, pagerBlocks } from './measure-row.js';

/** Rows per page: 20 sections plus a header, a context and the pager stay far under 50 blocks. */
export const ROWS_PER_PAGE = 20;

export interface ListMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `/tiltak` and `/tiltak mine`: the measures of the user's agency. */
export function myMeasuresMessage(
  loc: ViewLocale,
  agencyName: string,
  rows: readonly MeasureRow[],
  page: number,
): ListMessage {
  const v = loc.m.measureViews;
  if (rows.length === 0) return { text: v.mineNone, blocks: [section(v.mineNone)] };
  return paged(loc, v.mineTitle, v.mineIntro(clipMrkdwn(agencyName, 300)), rows, page, { k: 'mine' });
}

/** `/tiltak liste [område <n>]`: all measures, or one focus area's. */
export function measureListMessage(
  loc: ViewLocale,
  area: { number: number; title: string } | null,
  rows: readonly MeasureRow[],
  page: number,
): ListMessage {
  const v = loc.m.measureViews;
  const title = area === null ? v.listTitle : v.listAreaTitle(area.number, area.title);
  if (rows.length === 0) return { text: v.listNone, blocks: [header(title), section(v.listNone)] };
  return paged(
    loc,
    title,
    v.listCount(rows.length),
    rows,
    page,
    area === null ? { k: 'list' } : { k: 'list', area: area.number },
  );
}

function paged(
  loc: ViewLocale,
  title: string,
  intro: string,
  rows: readonly MeasureRow[],
  page: number,
  pager: { k: 'mine' | 'list'; area?: number },
): ListMessage {
  const slice = pageOf(rows, page, ROWS_PER_PAGE);
  const blocks: KnownBlock[] = [
    header(title),
    { type: 'context', elements: [{ type: 'mrkdwn', text: intro }] },
    ...slice.items.map((row) => measureRowBlock(loc, row)),
    ...pagerBlocks(loc, pager, slice.page, slice.pageCount),
  ];
  return { text: `${title}: ${intro}`, blocks };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: true } };
}

export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
