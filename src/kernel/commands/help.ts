import type { KnownBlock } from '@slack/types';
import type { Messages } from '../i18n/index.js';
import type { Subcommand } from './subcommand.js';

/** Pure: the help text lists exactly the sub-commands that are registered. */
function helpBlocks(m: Messages, subcommands: readonly Subcommand[]): { text: string; blocks: KnownBlock[] } {
  const lines = subcommands.map((s) => `• \`${s.usage(m)}\` – ${s.summary(m)}`);
  const text = [`*${m.help.title}*`, m.help.intro, ...lines, m.help.grammar, m.help.footer].join('\n');
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: m.help.title } },
    { type: 'section', text: { type: 'mrkdwn', text: [m.help.intro, ...lines].join('\n') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${m.help.grammar}\n${m.help.footer}` }] },
  ];
  return { text, blocks };
}

/** Built over the registry it belongs to, so /tiltak and /rapport each list their own. */
export function helpSubcommand(registry: () => readonly Subcommand[], usage: (m: Messages) => string): Subcommand {
  return {
    key: 'help',
    names: ['hjelp', 'help'],
    usage,
    summary: (m) => m.help.helpSummary,
    run: (ctx) => ctx.reply(helpBlocks(ctx.m, registry())),
  };
}
