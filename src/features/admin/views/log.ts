import type { KnownBlock } from '@slack/types';
import type { AuditLog } from '../../../generated/prisma/client.js';
import type { Reply } from '../../../kernel/commands/subcommand.js';
import { INTL_LOCALE } from '../../../kernel/i18n/index.js';
import { clip, escapeMrkdwn, type ViewLocale } from '../../../kernel/text/format.js';
import type { LogPage } from '../audit-log.js';
import { encodeLog, ids, type LogValue } from '../contract.js';

/** Before → after, as compact JSON: what changed is what a coordinator reads the log for. */
function change(entry: AuditLog): string {
  const show = (v: unknown) => (v === null || v === undefined ? '–' : clip(JSON.stringify(v), 300));
  return `${show(entry.before)} → ${show(entry.after)}`;
}

/** Day and minute in the plan's time zone: several changes a day must read apart. */
function when(loc: ViewLocale, instant: Date): string {
  const format = new Intl.DateTimeFormat(INTL_LOCALE[loc.lang], {
    timeZone: loc.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return format.format(instant);
}

function line(loc: ViewLocale, entry: AuditLog): string {
  const who = /^[UW][A-Z0-9]{2,31}$/u.test(entry.actor) ? `<@${entry.actor}>` : `\`${escapeMrkdwn(entry.actor)}\``;
  return `*${when(loc, entry.createdAt)}* · ${who} · \`${escapeMrkdwn(entry.action)}\` · ${escapeMrkdwn(entry.entity)} ${escapeMrkdwn(entry.entityId)}\n${escapeMrkdwn(change(entry))}`;
}

/** A page of the audit log, newest first, with buttons to the newer and older pages. */
export function logReply(loc: ViewLocale, page: LogPage, filter: Omit<LogValue, 'p'>, heading: string): Reply {
  const { m } = loc;
  const lines = page.entries.map((e) => line(loc, e));
  const buttons = [
    ...(page.page > 0 ? [{ id: ids.actions.admin.logNewer, text: m.admin.log.newer, p: page.page - 1 }] : []),
    ...(page.page + 1 < page.pages
      ? [{ id: ids.actions.admin.logOlder, text: m.admin.log.older, p: page.page + 1 }]
      : []),
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(heading, 150) } },
    ...(lines.length === 0
      ? [{ type: 'section', text: { type: 'mrkdwn', text: m.admin.log.none } } as KnownBlock]
      : lines.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } }))),
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.admin.log.page(page.page + 1, page.pages) }] },
  ];
  if (buttons.length > 0)
    blocks.push({
      type: 'actions',
      elements: buttons.map((b) => ({
        type: 'button',
        action_id: b.id,
        text: { type: 'plain_text', text: b.text },
        value: encodeLog({ ...filter, p: b.p }),
      })),
    });
  return { text: [heading, ...lines].join('\n'), blocks };
}
