import type { Lang, Messages } from '../../../kernel/i18n/index.js';
import { formatDay } from '../../../kernel/text/format.js';
import { ids } from '../contract.js';
import { type DraftError, type DraftField, type PeriodBounds, TEXT_LIMIT } from '../update-draft.js';

const BLOCK_OF: Record<DraftField, string> = {
  status: ids.blocks.updates.status,
  progress: ids.blocks.updates.progress,
  done: ids.blocks.updates.done,
  challenges: ids.blocks.updates.challenges,
  nextSteps: ids.blocks.updates.nextSteps,
  spend: ids.blocks.updates.spend,
  periodDate: ids.blocks.updates.periodDate,
};

/** The `response_action: errors` map: one message per failing input, keyed by its block_id. */
export function fieldErrors(
  m: Messages,
  lang: Lang,
  errors: Partial<Record<DraftField, DraftError>>,
  bounds: PeriodBounds,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, error] of Object.entries(errors) as [DraftField, DraftError][]) {
    out[BLOCK_OF[field]] = message(m, lang, field, error, bounds);
  }
  return out;
}

function message(m: Messages, lang: Lang, field: DraftField, error: DraftError, bounds: PeriodBounds): string {
  const e = m.updates.errors;
  switch (error) {
    case 'required':
      return field === 'status' ? e.statusRequired : field === 'done' ? e.doneRequired : e.periodRequired;
    case 'too_long':
      return e.tooLong(TEXT_LIMIT);
    case 'required_for_status':
      return e.challengesRequired;
    case 'negative':
      return e.spendNegative;
    case 'too_large':
      return e.spendTooLarge;
    case 'before_plan':
      return e.periodBeforePlan(formatDay(m, lang, bounds.earliest));
    case 'after_latest':
      return e.periodAfterLatest(formatDay(m, lang, bounds.latest));
    case 'identity_number':
      return m.privacy.identityNumber;
    case 'invalid':
      if (field === 'status') return e.statusInvalid;
      if (field === 'progress') return e.progressInvalid;
      if (field === 'spend') return e.spendInvalid;
      return e.periodInvalid;
  }
}
