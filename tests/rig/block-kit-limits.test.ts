import { describe, expect, it } from 'vitest';
import { checkBlockKit, type SurfaceKind } from './block-kit-limits.js';

const s = (n: number): string => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (over: Record<string, unknown> = {}) => ({
  type: 'button',
  text: plain('Go'),
  action_id: 'go',
  ...over,
});
const option = (text: string, value: string) => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const msg = (...blocks: unknown[]) => ({ text: 'fallback', blocks });
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });
const input = (element: unknown, over: Record<string, unknown> = {}) => ({
  type: 'input',
  label: plain('Label'),
  element,
  ...over,
});
const modal = (over: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Title'),
  submit: plain('Save'),
  blocks: [section('hi')],
  ...over,
});
const sections = (n: number) => Array.from({ length: n }, (_, i) => section(`s${i}`));
const textInput = (over: Record<string, unknown> = {}) => ({ type: 'plain_text_input', action_id: 'in', ...over });

type Case = { name: string; kind: SurfaceKind; ok: unknown; bad: unknown; expect: RegExp };

const cases: Case[] = [
  {
    name: 'message blocks 50',
    kind: 'message',
    ok: msg(...sections(50)),
    bad: msg(...sections(51)),
    expect: /blocks: .*51 items, limit is 50/,
  },
  {
    name: 'modal blocks 100',
    kind: 'modal',
    ok: modal({ blocks: sections(100) }),
    bad: modal({ blocks: sections(101) }),
    expect: /limit is 100/,
  },
  {
    name: 'home blocks 100',
    kind: 'home',
    ok: { type: 'home', blocks: sections(100) },
    bad: { type: 'home', blocks: sections(101) },
    expect: /limit is 100/,
  },
  {
    name: 'section text 3000',
    kind: 'message',
    ok: msg(section(s(3000))),
    bad: msg(section(s(3001))),
    expect: /blocks\[0\]\.text\.text: section text is 3001 chars, limit is 3000/,
  },
  {
    name: 'section fields count 10',
    kind: 'message',
    ok: msg({ type: 'section', fields: Array(10).fill(mrkdwn('f')) }),
    bad: msg({ type: 'section', fields: Array(11).fill(mrkdwn('f')) }),
    expect: /section fields has 11 items, limit is 10/,
  },
  {
    name: 'section field 2000',
    kind: 'message',
    ok: msg({ type: 'section', fields: [mrkdwn(s(2000))] }),
    bad: msg({ type: 'section', fields: [mrkdwn(s(2001))] }),
    expect: /fields\[0\]\.text: section field is 2001 chars/,
  },
  {
    name: 'header 150',
    kind: 'message',
    ok: msg({ type: 'header', text: plain(s(150)) }),
    bad: msg({ type: 'header', text: plain(s(151)) }),
    expect: /header text is 151 chars, limit is 150/,
  },
  {
    name: 'header must be plain_text',
    kind: 'message',
    ok: msg({ type: 'header', text: plain('h') }),
    bad: msg({ type: 'header', text: mrkdwn('h') }),
    expect: /must be plain_text/,
  },
  {
    name: 'context elements 10',
    kind: 'message',
    ok: msg({ type: 'context', elements: Array(10).fill(mrkdwn('c')) }),
    bad: msg({ type: 'context', elements: Array(11).fill(mrkdwn('c')) }),
    expect: /context elements has 11 items, limit is 10/,
  },
  {
    name: 'context mrkdwn 3000',
    kind: 'message',
    ok: msg({ type: 'context', elements: [mrkdwn(s(3000))] }),
    bad: msg({ type: 'context', elements: [mrkdwn(s(3001))] }),
    expect: /context text is 3001 chars/,
  },
  {
    name: 'actions elements 25',
    kind: 'message',
    ok: msg(actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `b${i}` })))),
    bad: msg(actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })))),
    expect: /actions elements has 26 items, limit is 25/,
  },
  {
    name: 'button text 75',
    kind: 'message',
    ok: msg(actions(button({ text: plain(s(75)) }))),
    bad: msg(actions(button({ text: plain(s(76)) }))),
    expect: /button text is 76 chars, limit is 75/,
  },
  {
    name: 'button value 2000',
    kind: 'message',
    ok: msg(actions(button({ value: s(2000) }))),
    bad: msg(actions(button({ value: s(2001) }))),
    expect: /elements\[0\]\.value: button value is 2001 chars/,
  },
  {
    name: 'button url 3000',
    kind: 'message',
    ok: msg(actions(button({ url: s(3000) }))),
    bad: msg(actions(button({ url: s(3001) }))),
    expect: /button url is 3001 chars/,
  },
  {
    name: 'empty button text',
    kind: 'message',
    ok: msg(actions(button({ text: plain('a') }))),
    bad: msg(actions(button({ text: plain('') }))),
    expect: /must not be empty/,
  },
  {
    name: 'block_id 255',
    kind: 'message',
    ok: msg({ ...section('a'), block_id: s(255) }),
    bad: msg({ ...section('a'), block_id: s(256) }),
    expect: /block_id is 256 chars, limit is 255/,
  },
  {
    name: 'action_id 255',
    kind: 'message',
    ok: msg(actions(button({ action_id: s(255) }))),
    bad: msg(actions(button({ action_id: s(256) }))),
    expect: /action_id is 256 chars, limit is 255/,
  },
  {
    name: 'callback_id 255',
    kind: 'modal',
    ok: modal({ callback_id: s(255) }),
    bad: modal({ callback_id: s(256) }),
    expect: /callback_id is 256 chars/,
  },
  {
    name: 'modal title 24',
    kind: 'modal',
    ok: modal({ title: plain(s(24)) }),
    bad: modal({ title: plain(s(25)) }),
    expect: /^title\.text: modal title is 25 chars, limit is 24/,
  },
  {
    name: 'modal submit 24',
    kind: 'modal',
    ok: modal({ submit: plain(s(24)) }),
    bad: modal({ submit: plain(s(25)) }),
    expect: /modal submit is 25 chars/,
  },
  {
    name: 'modal close 24',
    kind: 'modal',
    ok: modal({ close: plain(s(24)) }),
    bad: modal({ close: plain(s(25)) }),
    expect: /modal close is 25 chars/,
  },
  {
    name: 'modal title required',
    kind: 'modal',
    ok: modal(),
    bad: modal({ title: undefined }),
    expect: /modal title is required/,
  },
  {
    name: 'input modal needs submit',
    kind: 'modal',
    ok: modal({ blocks: [input(textInput())] }),
    bad: modal({ submit: undefined, blocks: [input(textInput())] }),
    expect: /needs a submit/,
  },
  {
    name: 'private_metadata 3000',
    kind: 'modal',
    ok: modal({ private_metadata: s(3000) }),
    bad: modal({ private_metadata: s(3001) }),
    expect: /private_metadata is 3001 chars/,
  },
  {
    name: 'static_select options 100',
    kind: 'message',
    ok: msg(actions({ type: 'static_select', action_id: 'sel', options: options(100) })),
    bad: msg(actions({ type: 'static_select', action_id: 'sel', options: options(101) })),
    expect: /options has 101 items, limit is 100/,
  },
  {
    name: 'option text 75',
    kind: 'message',
    ok: msg(actions({ type: 'static_select', action_id: 'sel', options: [option(s(75), 'v')] })),
    bad: msg(actions({ type: 'static_select', action_id: 'sel', options: [option(s(76), 'v')] })),
    expect: /option text is 76 chars, limit is 75/,
  },
  {
    name: 'option value 150',
    kind: 'message',
    ok: msg(actions({ type: 'static_select', action_id: 'sel', options: [option('t', s(150))] })),
    bad: msg(actions({ type: 'static_select', action_id: 'sel', options: [option('t', s(151))] })),
    expect: /option value is 151 chars, limit is 150/,
  },
  {
    name: 'option_groups 100',
    kind: 'message',
    ok: msg(
      actions({
        type: 'static_select',
        action_id: 'sel',
        option_groups: Array(100).fill({ label: plain('g'), options: options(1) }),
      }),
    ),
    bad: msg(
      actions({
        type: 'static_select',
        action_id: 'sel',
        option_groups: Array(101).fill({ label: plain('g'), options: options(1) }),
      }),
    ),
    expect: /option_groups has 101 items, limit is 100/,
  },
  {
    name: 'overflow options 5',
    kind: 'message',
    ok: msg(actions({ type: 'overflow', action_id: 'o', options: options(5) })),
    bad: msg(actions({ type: 'overflow', action_id: 'o', options: options(6) })),
    expect: /options has 6 items, limit is 5/,
  },
  {
    name: 'radio options 10',
    kind: 'modal',
    ok: modal({ blocks: [input({ type: 'radio_buttons', action_id: 'r', options: options(10) })] }),
    bad: modal({ blocks: [input({ type: 'radio_buttons', action_id: 'r', options: options(11) })] }),
    expect: /options has 11 items, limit is 10/,
  },
  {
    name: 'input label 2000',
    kind: 'modal',
    ok: modal({ blocks: [input(textInput(), { label: plain(s(2000)) })] }),
    bad: modal({ blocks: [input(textInput(), { label: plain(s(2001)) })] }),
    expect: /input label is 2001 chars/,
  },
  {
    name: 'input hint 2000',
    kind: 'modal',
    ok: modal({ blocks: [input(textInput(), { hint: plain(s(2000)) })] }),
    bad: modal({ blocks: [input(textInput(), { hint: plain(s(2001)) })] }),
    expect: /input hint is 2001 chars/,
  },
  {
    name: 'placeholder 150',
    kind: 'modal',
    ok: modal({ blocks: [input(textInput({ placeholder: plain(s(150)) }))] }),
    bad: modal({ blocks: [input(textInput({ placeholder: plain(s(151)) }))] }),
    expect: /placeholder is 151 chars, limit is 150/,
  },
  {
    name: 'plain_text_input max_length 3000',
    kind: 'modal',
    ok: modal({ blocks: [input(textInput({ max_length: 3000 }))] }),
    bad: modal({ blocks: [input(textInput({ max_length: 3001 }))] }),
    expect: /max_length is 3001, limit is 3000/,
  },
  {
    name: 'message text 40000',
    kind: 'message',
    ok: { text: s(40000) },
    bad: { text: s(40001) },
    expect: /^text: message text is 40001 chars, limit is 40000/,
  },
  {
    name: 'image alt_text 2000',
    kind: 'message',
    ok: msg({ type: 'image', image_url: 'https://x/y.png', alt_text: s(2000) }),
    bad: msg({ type: 'image', image_url: 'https://x/y.png', alt_text: s(2001) }),
    expect: /alt_text is 2001 chars, limit is 2000/,
  },
  {
    name: 'unique action_id in block',
    kind: 'message',
    ok: msg(actions(button({ action_id: 'a' })), actions(button({ action_id: 'a' }))),
    bad: msg(actions(button({ action_id: 'a' }), button({ action_id: 'a' }))),
    expect: /duplicate action_id in block "a"/,
  },
  {
    name: 'unique block_id in message',
    kind: 'message',
    ok: msg({ ...section('a'), block_id: 'x' }, { ...section('b'), block_id: 'y' }),
    bad: msg({ ...section('a'), block_id: 'x' }, { ...section('b'), block_id: 'x' }),
    expect: /duplicate block_id in message "x"/,
  },
  {
    name: 'unique block_id in modal',
    kind: 'modal',
    ok: modal({ blocks: [{ ...section('a'), block_id: 'x' }] }),
    bad: modal({
      blocks: [
        { ...section('a'), block_id: 'x' },
        { ...section('b'), block_id: 'x' },
      ],
    }),
    expect: /duplicate block_id in modal "x"/,
  },
  {
    name: 'attachments blocks',
    kind: 'message',
    ok: { attachments: [{ blocks: [section(s(3000))] }] },
    bad: { attachments: [{ blocks: [section(s(3001))] }] },
    expect: /^attachments\[0\]\.blocks\[0\]\.text\.text: section text is 3001/,
  },
  {
    name: 'unknown block type',
    kind: 'message',
    ok: msg({ type: 'divider' }),
    bad: msg({ type: 'sectoin', text: mrkdwn('a') }),
    expect: /unknown block type "sectoin"/,
  },
  {
    name: 'unknown element type',
    kind: 'message',
    ok: msg(actions(button())),
    bad: msg(actions({ type: 'buton', action_id: 'x' })),
    expect: /unknown element type "buton"/,
  },
];

describe('checkBlockKit', () => {
  it.each(cases)('$name: passes at the limit', ({ kind, ok }) => {
    expect(checkBlockKit(kind, ok)).toEqual([]);
  });

  it.each(cases)('$name: fails past the limit', ({ kind, bad, expect: pattern }) => {
    const violations = checkBlockKit(kind, bad);
    expect(
      violations.some((v) => pattern.test(v)),
      violations.join('\n') || '(no violations)',
    ).toBe(true);
  });

  it('reports every breach in one pass', () => {
    const violations = checkBlockKit('message', msg(section(s(3001)), { type: 'header', text: plain(s(151)) }));
    expect(violations).toHaveLength(2);
  });

  it('rejects a non-object payload', () => {
    expect(checkBlockKit('modal', 'nope')).toEqual(['$: modal payload must be an object']);
  });
});
