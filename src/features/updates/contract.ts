import { z } from 'zod';
import { decodeJson } from '../../kernel/slack/decode-json.js';
import { idSchema as id, wholeNumberSchema } from '../../kernel/text/whole-number.js';

/** Every Slack id of the updates feature: its modal and notice, its buttons, and the inputs of the modal. */
export const ids = {
  views: {
    // The update modal, and the notice that replaces it when the user may not go on.
    updateModal: 'update_modal',
    updateNotice: 'update_notice',
  },
  actions: {
    // `input` is the action_id of every input in the update modal.
    updates: {
      open: 'update_open',
      edit: 'update_edit',
      pagePrev: 'update_page_prev',
      pageNext: 'update_page_next',
      pickMeasure: 'update_pick_measure',
      pickAgency: 'update_pick_agency',
      input: 'update_input',
    },
  },
  blocks: {
    // The inputs of the update modal.
    updates: {
      measure: 'update_measure',
      agency: 'update_agency',
      status: 'update_status',
      progress: 'update_progress',
      done: 'update_done',
      challenges: 'update_challenges',
      nextSteps: 'update_next_steps',
      spend: 'update_spend',
      periodDate: 'update_period',
      // Shown only after a submission that seems to hold an e-mail address or phone number.
      personalDataWarning: 'update_personal_data_warning',
      sendAnyway: 'update_send_anyway',
    },
  },
} as const;

/** The value of the «send anyway» checkbox's one option. */
export const SEND_ANYWAY_VALUE = 'send';

// Button values are JSON we wrote, but a payload can be forged: read them back with zod.

/** Measure and area numbers and page indexes: small, like everything a person types. */
const small = wholeNumberSchema({ max: 1_000_000 });

const openSchema = z.object({ m: small, a: id.optional() });
export type OpenValue = z.infer<typeof openSchema>;

const PAGE_KINDS = ['mine', 'list', 'history', 'overdue'] as const;
const pageSchema = z.object({ k: z.enum(PAGE_KINDS), p: small, area: small.optional(), m: small.optional() });
export type PageValue = z.infer<typeof pageSchema>;

export const encodeOpen = (value: OpenValue): string => JSON.stringify(value);
export const encodePage = (value: PageValue): string => JSON.stringify(value);
export const decodeOpen = (text: string | undefined): OpenValue | null => decodeJson(openSchema, text, 500);
export const decodePage = (text: string | undefined): PageValue | null => decodeJson(pageSchema, text, 500);

// The update modal's private_metadata.

/** The seriesId is a UUID we minted; anything else cannot name a series. */
export const SERIES_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** Where the modal was opened from: after a save from App Home, the home view is refreshed. */
const SOURCES = ['command', 'message', 'home', 'reminder'] as const;
export type ModalSource = (typeof SOURCES)[number];

const schema = z.object({
  /** The series the submission will write: fresh for a new update, the edited one otherwise. */
  s: z.string().regex(SERIES_ID),
  /** 0 for a new update, else the version the form was opened on. */
  b: wholeNumberSchema({ max: 1_000_000 }),
  m: id,
  a: id,
  src: z.enum(SOURCES),
});

export type ModalMetadata = z.infer<typeof schema>;

export function encodeMetadata(meta: ModalMetadata): string {
  return JSON.stringify(meta);
}

/** Read back from a payload that may be forged: null unless it is exactly our shape. */
export function decodeMetadata(text: string | undefined): ModalMetadata | null {
  return decodeJson(schema, text, 3000);
}
