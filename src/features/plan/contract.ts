import { z } from 'zod';
import { decodeJson } from '../../kernel/slack/decode-json.js';

/** The plan feature's Slack ids: the button that applies a previewed import. */
export const ids = {
  views: {},
  actions: {
    importConfirm: 'plan_import_confirm',
  },
} as const;

/** The file that was previewed, and the fingerprint of its text then. */
const confirmSchema = z.object({ f: z.string().regex(/^F[A-Z0-9]{2,30}$/u), h: z.string().regex(/^[0-9a-f]{32}$/u) });
export type ConfirmValue = z.infer<typeof confirmSchema>;

export const encodeConfirm = (value: ConfirmValue): string => JSON.stringify(value);
/** A button value is ours, but a payload can be forged: null unless it is exactly our shape. */
export const decodeConfirm = (text: string | undefined): ConfirmValue | null => decodeJson(confirmSchema, text, 200);
