import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../../kernel/commands/subcommand.js';
import type { Messages } from '../../../kernel/i18n/index.js';

interface Listed {
  usage(m: Messages): string;
  summary(m: Messages): string;
}

/** Pure: the help lists exactly the sub-commands registered, /tiltak-admin's own and any a feature adds. */
export function adminHelp(m: Messages, subcommands: readonly Listed[]): Reply {
  const lines = subcommands.map((s) => `• \`${s.usage(m)}\` – ${s.summary(m)}`);
  const grammar = m.help.grammar;
  const text = [`*${m.admin.helpTitle}*`, m.admin.helpIntro, ...lines, grammar, m.admin.helpFooter].join('\n');
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: m.admin.helpTitle } },
    { type: 'section', text: { type: 'mrkdwn', text: [m.admin.helpIntro, ...lines].join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${grammar}\n${m.admin.helpFooter}` }] },
  ];
  return { text, blocks };
}
