import { z } from 'zod';
import type { Messages } from '../../kernel/i18n/index.js';
import { hasVisibleCharacter, normaliseTypedText } from '../../kernel/text/typed-text.js';
import { ids } from './contract.js';

const element = z.looseObject({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});
const stateValues = z.record(z.string(), z.record(z.string(), element));

/** A field error, in the language of whoever reads it. */
type FieldError = (m: Messages) => string;
export type FieldErrors = Record<string, FieldError>;

/** The inputs of an admin modal, read from view.state.values (untrusted); an unknown shape reads as empty. */
export interface FormValues {
  /** Typed text, normalised; null when nothing visible was typed. */
  text(blockId: string): string | null;
  option(blockId: string): string | null;
  options(blockId: string): string[];
  user(blockId: string): string | null;
  conversation(blockId: string): string | null;
  date(blockId: string): string | null;
}

export function readFormValues(values: unknown): FormValues {
  const parsed = stateValues.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const field = (blockId: string) => state[blockId]?.[ids.actions.admin.input];
  return {
    text(blockId) {
      const value = field(blockId)?.value;
      if (typeof value !== 'string') return null;
      const text = normaliseTypedText(value);
      return hasVisibleCharacter(text) ? text : null;
    },
    option: (blockId) => field(blockId)?.selected_option?.value ?? null,
    options: (blockId) => (field(blockId)?.selected_options ?? []).map((o) => o.value),
    user: (blockId) => field(blockId)?.selected_user ?? null,
    conversation: (blockId) => field(blockId)?.selected_conversation ?? field(blockId)?.selected_channel ?? null,
    date: (blockId) => field(blockId)?.selected_date ?? null,
  };
}

/** Titles and names: required, and short enough for a Slack header and a report heading. */
export const NAME_LIMIT = 200;
export const DESCRIPTION_LIMIT = 3000;

/** A required text field, or its error. */
export function requiredText(form: FormValues, blockId: string, max: number, errors: FieldErrors): string | null {
  const text = form.text(blockId);
  if (text === null) errors[blockId] = (m) => m.admin.errors.required;
  else if (text.length > max) errors[blockId] = (m) => m.admin.errors.tooLong(max);
  else return text;
  return null;
}
