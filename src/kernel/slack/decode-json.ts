import type { z } from 'zod';

/**
 * Reads back JSON we wrote into a button value or private_metadata. The
 * client may send anything there: null unless it is exactly our shape.
 */
export function decodeJson<T>(schema: z.ZodType<T>, text: unknown, maxLength: number): T | null {
  if (typeof text !== 'string' || text === '' || text.length > maxLength) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
