import type { KnownBlock } from '@slack/types';
import type { Messages } from '../../../kernel/i18n/index.js';
import { clip, escapeMrkdwn } from '../../../kernel/text/format.js';
import { encodeConfirm, ids } from '../contract.js';
import type { PlanChanges } from '../plan-changes.js';

/** Lines per list: the preview stays one readable message, well inside Slack's limits. */
const MAX_LINES = 25;

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });

function bullets(m: Messages, lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LINES).map((l) => `• ${escapeMrkdwn(l)}`);
  if (lines.length > MAX_LINES) shown.push(m.planAdmin.more(lines.length - MAX_LINES));
  return shown.join('\n');
}

/** A file with errors: every error by path, and nothing else to do. */
export function importErrors(
  m: Messages,
  fileName: string,
  errors: readonly string[],
): { text: string; blocks: KnownBlock[] } {
  const heading = m.planAdmin.errorsHeading(escapeMrkdwn(fileName), errors.length);
  return { text: heading, blocks: [section(heading), section(bullets(m, errors))] };
}

/** The changes, and a button that applies exactly the file that was read. */
export function importPreview(
  m: Messages,
  file: { id: string; name: string; digest: string },
  changes: PlanChanges,
): { text: string; blocks: KnownBlock[] } {
  const t = m.planAdmin;
  const heading = t.previewHeading(escapeMrkdwn(file.name));
  const blocks: KnownBlock[] = [section(heading)];
  const lists: [string, string[]][] = [
    [t.adds, changes.adds],
    [t.changes, changes.changes],
    [t.removals, changes.removals],
  ];
  const any = lists.some(([, lines]) => lines.length > 0);
  if (!any) blocks.push(section(t.none));
  for (const [title, lines] of lists)
    if (lines.length > 0) blocks.push(section(`*${title} (${lines.length})*\n${bullets(m, lines)}`));
  if (changes.kept > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.kept(changes.kept) }] });
  if (any) {
    blocks.push(
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            style: 'primary',
            action_id: ids.actions.importConfirm,
            text: { type: 'plain_text', text: t.confirm },
            value: encodeConfirm({ f: file.id, h: file.digest }),
          },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: t.confirmHint }] },
    );
  }
  return { text: heading, blocks };
}
