import type { Subcommand } from './subcommand.js';

export type Dispatch = { kind: 'found'; subcommand: Subcommand; args: string[] } | { kind: 'unknown'; word: string };

/** Splits on any whitespace; Slack may send non-breaking spaces from some clients. */
function tokenize(text: string): string[] {
  return text
    .trim()
    .split(/[\s\u00a0]+/u)
    .filter((t) => t.length > 0);
}

export function dispatch(subcommands: readonly Subcommand[], text: string): Dispatch {
  const words = tokenize(text);
  const first = words[0]?.toLowerCase();
  const byKey = (key: string) => subcommands.find((s) => s.key === key);
  if (first === undefined) {
    const fallback = byKey('default') ?? byKey('help');
    return fallback ? { kind: 'found', subcommand: fallback, args: [] } : { kind: 'unknown', word: '' };
  }
  const numbered = byKey('number');
  if (numbered && /^\d+$/.test(first)) return { kind: 'found', subcommand: numbered, args: words };
  const named = subcommands.find((s) => s.names.includes(first));
  if (named) return { kind: 'found', subcommand: named, args: words.slice(1) };
  return { kind: 'unknown', word: words[0] ?? '' };
}
