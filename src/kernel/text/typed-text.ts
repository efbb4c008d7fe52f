/**
 * The one normaliser for text a person typed: a slash command, a modal's
 * input, a title in a plan file. It runs before any validation, so limits
 * count what is kept and nothing PostgreSQL refuses (NUL, a lone surrogate)
 * or that hides what a text says (bidi overrides) gets further. See README.md.
 */

// With the u flag, a surrogate in a class matches only when it is unpaired: the same as String.prototype.toWellFormed.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
const CARRIAGE_RETURN = /\r\n?/gu;
// C0 controls but tab and line feed, DEL and the C1 controls; bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this pattern is for
const STRIPPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
// Whitespace, and the zero-width characters that only ever pad a text's ends (all in the BMP).
const PADDING = /[\s\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/u;

/** Idempotent: normalising normalised text changes nothing. */
export function normaliseTypedText(text: string): string {
  const kept = text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CARRIAGE_RETURN, '\n')
    .replace(STRIPPED, '')
    .normalize('NFC');
  return trimPadding(kept);
}

// A scan rather than a /…+$/ regex, which backtracks quadratically over a long run of inner spaces.
function trimPadding(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && PADDING.test(text.charAt(start))) start += 1;
  while (end > start && PADDING.test(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

// Shows nothing on its own: whitespace, controls, format characters (zero-width space and joiners,
// word joiner, BOM, soft hyphen, bidi marks), other default-ignorables (Hangul fillers, variation
// selectors), a combining mark with nothing to combine with, and the blank Braille pattern.
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/u;

/** What "required" means: the text has at least one character a reader can see. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}
