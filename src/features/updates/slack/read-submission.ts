import { z } from 'zod';
import { normaliseTypedText } from '../../../kernel/text/typed-text.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { ids, SEND_ANYWAY_VALUE } from '../contract.js';
import type { RawDraft } from '../update-draft.js';

const element = z.looseObject({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});
export const stateValues = z.record(z.string(), z.record(z.string(), element));

type Element = z.infer<typeof element>;

export interface Submission {
  draft: RawDraft;
  /** From the measure select, when the modal had one: a number, or 'invalid' for a forged value. */
  measureId: number | 'invalid' | null;
  agencyId: number | 'invalid' | null;
  /** The «send anyway» checkbox: null while the form does not show it. */
  sendAnyway: boolean | null;
}

/** Turns view.state.values (untrusted) into normalised strings for validation; unknown shapes read as empty. */
export function readSubmission(values: unknown): Submission {
  const parsed = stateValues.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const field = (blockId: string, actionId: string = ids.actions.updates.input): Element | undefined =>
    state[blockId]?.[actionId];
  const b = ids.blocks.updates;
  // Typed inputs are normalised here, before validation; a select's or date's value is matched exactly.
  const text = (blockId: string) => {
    const value = field(blockId)?.value;
    return typeof value === 'string' ? normaliseTypedText(value) : undefined;
  };
  return {
    draft: {
      status: field(b.status)?.selected_option?.value,
      progress: text(b.progress),
      done: text(b.done),
      challenges: text(b.challenges),
      nextSteps: text(b.nextSteps),
      spend: text(b.spend),
      periodDate: field(b.periodDate)?.selected_date ?? undefined,
    },
    measureId: selectedId(state[b.measure]?.[ids.actions.updates.pickMeasure]),
    agencyId: selectedId(state[b.agency]?.[ids.actions.updates.pickAgency]),
    sendAnyway:
      field(b.sendAnyway) === undefined
        ? null
        : (field(b.sendAnyway)?.selected_options ?? []).some((o) => o.value === SEND_ANYWAY_VALUE),
  };
}

function selectedId(el: Element | undefined): number | 'invalid' | null {
  if (el === undefined) return null;
  const read = readWholeNumber(el.selected_option?.value, { min: 1 });
  return read.ok ? read.value : 'invalid';
}
