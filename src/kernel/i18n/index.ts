import { admin } from './admin.js';
import { common } from './common.js';
import { digest } from './digest.js';
import { help } from './help.js';
import { home } from './home.js';
import { measureViews } from './measure-views.js';
import { planAdmin } from './plan-admin.js';
import { privacy } from './privacy.js';
import { reminderCommands } from './reminder-commands.js';
import { reminders } from './reminders.js';
import { report } from './report.js';
import { status } from './status.js';
import { tiltak } from './tiltak.js';
import { updates } from './updates.js';

/**
 * The one message catalogue. Each area keeps its strings in its own file with
 * nb first and en typed to match, so a missing translation fails to compile.
 */
const sections = {
  common,
  help,
  status,
  digest,
  updates,
  measureViews,
  tiltak,
  home,
  reminders,
  reminderCommands,
  report,
  privacy,
  planAdmin,
  admin,
};

export type Lang = 'nb' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'en'];
/** The locale Intl formats each language's dates and numbers in. */
export const INTL_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

type Sections = typeof sections;
export type Messages = { [K in keyof Sections]: Sections[K]['nb'] };

function build(lang: Lang): Messages {
  const entries = Object.entries(sections).map(([key, section]) => [key, section[lang]]);
  return Object.fromEntries(entries) as Messages;
}

const catalogue: Record<Lang, Messages> = { nb: build('nb'), en: build('en') };

export function messages(lang: Lang): Messages {
  return catalogue[lang];
}
