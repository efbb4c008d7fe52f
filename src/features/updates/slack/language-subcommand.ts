import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import { LANGS, type Lang, messages } from '../../../kernel/i18n/index.js';
import { setLanguage } from '../../../kernel/people/people.js';
import { quote } from '../../../kernel/text/format.js';
import { withUsage } from './subcommand-args.js';

const isLang = (word: string): word is Lang => (LANGS as readonly string[]).includes(word);

/** `/tiltak språk nb|en`: saved, then confirmed in the new language. */
export const languageSubcommand: Subcommand = {
  key: 'language',
  names: ['språk', 'sprak', 'language'],
  usage: (m) => m.tiltak.languageUsage,
  summary: (m) => m.tiltak.languageSummary,
  async run(ctx) {
    const { m } = ctx;
    const usage = m.tiltak.languageUsage;
    const [word, ...rest] = ctx.args;
    if (word === undefined)
      return ctx.reply({ text: withUsage(m, m.tiltak.missingLanguage(m.tiltak.languageNames[ctx.lang]), usage) });
    const lang = word.toLowerCase();
    if (!isLang(lang) || rest.length > 0)
      return ctx.reply({ text: withUsage(m, m.tiltak.unknownLanguage(quote(ctx.args.join(' '))), usage) });
    await setLanguage(ctx.deps.prisma, ctx.person, lang, ctx.deps.clock.now());
    await ctx.reply({ text: messages(lang).tiltak.languageSaved });
  },
};
