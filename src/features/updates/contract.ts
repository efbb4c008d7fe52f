import { z } from 'zod';
import { idSchema as id, wholeNumberSchema } from '../../kernel/text/whole-number.js';
import { decodeJson } from '../../kernel/slack/decode-json.js';

// Button values are JSON we wrote, but a payload can be forged: read them back with zod.

/** Measure and area numbers and page indexes: small, like everything a person types. */
const small = wholeNumberSchema({ max: 1_000_000 });

const openSchema = z.object({ m: small, a: id.optional() });
export type OpenValue = z.infer<typeof openSchema>;

export const PAGE_KINDS = ['mine', 'list', 'history', 'overdue'] as const;
const pageSchema = z.object({ k: z.enum(PAGE_KINDS), p: small, area: small.optional(), m: small.optional() });
export type PageValue = z.infer<typeof pageSchema>;

export const encodeOpen = (value: OpenValue): string => JSON.stringify(value);
export const encodePage = (value: PageValue): string => JSON.stringify(value);
export const decodeOpen = (text: string | undefined): OpenValue | null => decodeJson(openSchema, text, 500);
export const decodePage = (text: string | undefined): PageValue | null => decodeJson(pageSchema, text, 500);
