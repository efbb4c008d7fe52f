import type { Messages } from '../../../kernel/i18n/index.js';
import type { SubmitRefusal } from '../submit-update.js';
import type { FormRefusal } from '../update-form.js';

/** Why the user may not go on, in their language. */
export function refusalText(m: Messages, reason: FormRefusal | SubmitRefusal, editWindowDays: number): string {
  const r = m.updates.refusals;
  return reason === 'edit_window' ? r.edit_window(editWindowDays) : r[reason];
}
