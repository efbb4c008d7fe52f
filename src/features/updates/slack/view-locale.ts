import type { Deps } from '../../../kernel/deps.js';
import { messages, type Lang } from '../../../kernel/i18n/index.js';
import type { ViewLocale } from '../../../kernel/text/format.js';

export function viewLocale(deps: Pick<Deps, 'config'>, lang: Lang): ViewLocale {
  return { m: messages(lang), lang, timeZone: deps.config.TZ_PLAN };
}
