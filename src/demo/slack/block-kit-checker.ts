// Primitive checks shared by the Block Kit validator. Each records a
// human-readable violation (JSON-ish path + the limit broken) instead of
// throwing, so one bad payload reports every problem at once.

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Checker {
  readonly violations: string[] = [];

  fail(path: string, message: string): void {
    this.violations.push(`${path}: ${message}`);
  }

  /** Checks an optional string's length; absent values pass. */
  maxLen(path: string, value: unknown, max: number, what: string): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string') {
      this.fail(path, `${what} must be a string`);
      return;
    }
    if (value.length > max) this.fail(path, `${what} is ${value.length} chars, limit is ${max}`);
  }

  /** Returns the array (or [] when absent) after checking its item count. */
  items(path: string, value: unknown, max: number, what: string, min = 0): unknown[] {
    if (value === undefined || value === null) {
      if (min > 0) this.fail(path, `${what} is required (at least ${min})`);
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(path, `${what} must be an array`);
      return [];
    }
    if (value.length > max) this.fail(path, `${what} has ${value.length} items, limit is ${max}`);
    if (value.length < min) this.fail(path, `${what} has ${value.length} items, minimum is ${min}`);
    return value;
  }

  /**
   * A composition text object. Slack rejects empty text with invalid_blocks,
   * which is an easy bug to ship when text comes from user data.
   */
  text(
    path: string,
    value: unknown,
    max: number,
    what: string,
    opts: { plainOnly?: boolean; required?: boolean } = {},
  ): void {
    if (value === undefined || value === null) {
      if (opts.required) this.fail(path, `${what} is required`);
      return;
    }
    if (!isRecord(value)) {
      this.fail(path, `${what} must be a text object`);
      return;
    }
    const { type, text } = value;
    if (type !== 'plain_text' && type !== 'mrkdwn') {
      this.fail(`${path}.type`, `${what} type must be plain_text or mrkdwn, got ${String(type)}`);
    } else if (opts.plainOnly && type !== 'plain_text') {
      this.fail(`${path}.type`, `${what} must be plain_text`);
    }
    if (typeof text !== 'string') {
      this.fail(`${path}.text`, `${what} text must be a string`);
      return;
    }
    if (text.length === 0) this.fail(`${path}.text`, `${what} text must not be empty`);
    if (text.length > max) this.fail(`${path}.text`, `${what} is ${text.length} chars, limit is ${max}`);
  }

  /** Flags repeated ids; `seen` is shared across the scope that must be unique. */
  unique(path: string, id: unknown, seen: Set<string>, what: string): void {
    if (typeof id !== 'string') return;
    if (seen.has(id)) this.fail(path, `duplicate ${what} "${id}"`);
    seen.add(id);
  }
}
