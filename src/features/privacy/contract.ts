import { z } from 'zod';
import { decodeJson } from '../../kernel/slack/decode-json.js';
import { idSchema } from '../../kernel/text/whole-number.js';

/** Every Slack id of the privacy feature: the redaction modal, its inputs, and the list's buttons. */
export const ids = {
  views: {
    redactModal: 'privacy_redact_modal',
    redactNotice: 'privacy_redact_notice',
  },
  actions: {
    redactOpen: 'privacy_redact_open',
    // The action_id of every input in the redaction modal.
    input: 'privacy_input',
  },
  blocks: {
    fields: 'privacy_redact_fields',
    reason: 'privacy_redact_reason',
  },
} as const;

/** What a redacted field holds from then on (the database function writes the same). */
export const REDACTED = '[sladdet]';

const metadata = z.object({ u: idSchema });
export type RedactMetadata = z.infer<typeof metadata>;

export const encodeRedactMetadata = (value: RedactMetadata): string => JSON.stringify(value);
/** Read back from a payload that may be forged: null unless it is exactly our shape. */
export const decodeRedactMetadata = (text: string | undefined): RedactMetadata | null =>
  decodeJson(metadata, text, 200);
