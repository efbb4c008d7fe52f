import { z } from 'zod';
import { SERIES_ID } from './update-queries.js';
import { idSchema as id, wholeNumberSchema } from '../../kernel/text/whole-number.js';
import { decodeJson } from '../../kernel/slack/decode-json.js';

/** Where the modal was opened from: after a save from App Home, the home view is refreshed. */
export const SOURCES = ['command', 'message', 'home', 'reminder'] as const;
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
