import { findPersonalData, type PersonalDataFinding } from '../../kernel/text/personal-data.js';
import type { UpdateDraft } from './update-draft.js';

/** The free-text fields of an update: where personal data can be typed, and what an admin can redact. */
export const TEXT_FIELDS = ['done', 'challenges', 'nextSteps'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * The e-mail addresses and phone numbers in a valid draft, by field. Identity
 * numbers never get here: validateDraft refuses them.
 */
export function contactFindings(draft: UpdateDraft): Partial<Record<TextField, PersonalDataFinding[]>> {
  const out: Partial<Record<TextField, PersonalDataFinding[]>> = {};
  for (const field of TEXT_FIELDS) {
    const text = draft[field];
    const found = text === null ? [] : findPersonalData(text).filter((f) => f.kind !== 'identity_number');
    if (found.length > 0) out[field] = found;
  }
  return out;
}
