import type { Deps } from '../../deps.js';
import { messages, type Lang } from '../../i18n/index.js';
import type { ViewLocale } from '../../views/measure-format.js';

export function viewLocale(deps: Pick<Deps, 'config'>, lang: Lang): ViewLocale {
  return { m: messages(lang), lang, timeZone: deps.config.TZ_PLAN };
}
