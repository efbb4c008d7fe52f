import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHttpBody } from '../../src/kernel/slack/edge/http-body.js';
import { type Surface, screenPayload } from '../../src/kernel/slack/edge/inbound.js';
import { parseSlackUserId } from '../../src/kernel/slack/slack-user-id.js';

const surfaces: Surface[] = ['command', 'interaction', 'events'];

describe('the payload guard', () => {
  it('answers every JSON value on every surface without throwing, and accepts only objects', () => {
    fc.assert(
      fc.property(fc.constantFrom(...surfaces), fc.jsonValue(), (surface, value) => {
        const screened = screenPayload(surface, value);
        if (screened.ok) expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts a command or an interaction only with a well-formed user id', () => {
    const user = fc.oneof(fc.string(), fc.constantFrom('U0KARI01', 'W0ENTERPRISE', 'u0kari01', '', 'U', 'U0KARI01 '));
    fc.assert(
      fc.property(user, (id) => {
        const command = screenPayload('command', {
          command: '/tiltak',
          user_id: id,
          text: '',
          response_url: 'https://hooks.slack.com/x',
        });
        const action = screenPayload('interaction', {
          type: 'block_actions',
          user: { id },
          actions: [{ type: 'button', action_id: 'a' }],
        });
        const valid = parseSlackUserId(id) !== null;
        expect(command.ok).toBe(valid);
        expect(action.ok).toBe(valid);
        if (command.ok && command.inbound.kind === 'command') expect(command.inbound.userId).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it('names the field that is wrong, never its value', () => {
    const screened = screenPayload('interaction', {
      type: 'view_submission',
      user: { id: 'U0KARI01' },
      view: { id: 'V1', callback_id: 'x', private_metadata: 'SECRET', state: { values: 'no' } },
    });
    expect(screened).toEqual({ ok: false, reason: expect.stringMatching(/^view\.state\.values: /) });
    expect(JSON.stringify(screened)).not.toContain('SECRET');
  });

  it('takes url_verification and app_rate_limited on the Events API', () => {
    expect(screenPayload('events', { type: 'url_verification', challenge: 'c' })).toEqual({
      ok: true,
      inbound: { kind: 'url_verification', challenge: 'c' },
    });
    expect(screenPayload('events', { type: 'app_rate_limited', minute_rate_limited: 1 })).toEqual({
      ok: true,
      inbound: { kind: 'notice', type: 'app_rate_limited' },
    });
  });

  it('lets an event name its user as an id or as a user object, but a real one', () => {
    const event = (user: unknown) =>
      screenPayload('events', { type: 'event_callback', event_id: 'Ev1', event: { type: 'user_change', user } });
    expect(event('U0KARI01').ok).toBe(true);
    expect(event({ id: 'U0KARI01', name: 'kari' }).ok).toBe(true);
    expect(event({ name: 'kari' }).ok).toBe(false);
    expect(event(7).ok).toBe(false);
  });
});

describe('reading an HTTP body', () => {
  const form = 'application/x-www-form-urlencoded';

  it('reads a command form, and an interaction from its payload field', () => {
    expect(decodeHttpBody(form, Buffer.from('command=%2Ftiltak&user_id=U0KARI01&text=oppdater+3'))).toEqual({
      ok: true,
      surface: 'command',
      payload: { command: '/tiltak', user_id: 'U0KARI01', text: 'oppdater 3' },
    });
    expect(decodeHttpBody(`${form}; charset=utf-8`, Buffer.from('payload=%7B%22type%22%3A%22x%22%7D'))).toEqual({
      ok: true,
      surface: 'interaction',
      payload: { type: 'x' },
    });
  });

  it('keeps a field named __proto__ as plain data', () => {
    const decoded = decodeHttpBody(form, Buffer.from('__proto__=x&command=%2Ftiltak'));
    expect(decoded.ok && Object.getPrototypeOf(decoded.payload)).toBe(Object.prototype);
  });

  it.each([
    ['a malformed escape', form, 'text=%E0%A4%A', 400],
    ['a field twice', form, 'a=1&a=2', 400],
    ['bytes that are not UTF-8', 'application/json', Buffer.from([0x7b, 0xff, 0x7d]), 400],
    ['no content type', undefined, '{}', 415],
    ['text/plain', 'text/plain', '{}', 415],
  ])('refuses %s', (_label, type, body, status) => {
    expect(decodeHttpBody(type, Buffer.isBuffer(body) ? body : Buffer.from(body))).toMatchObject({ ok: false, status });
  });
});
