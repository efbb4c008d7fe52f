// Generators for the two modals' submissions: the update modal and the
// waiver ("ikke aktuelt") modal, shaped as Slack sends them, valid-ish or hostile.
import fc from 'fast-check';
import { encodeReminderButton } from '../../src/features/reminders/contract.js';
import { encodeMetadata } from '../../src/features/updates/contract.js';
import { STATUSES } from '../../src/kernel/status.js';
import { viewCallbackIds } from '../../src/slack-ids.js';
import { isRecord, type Json } from '../rig/block-kit-checker.js';
import { blankText, dateLike, hostileText, hugeNumber, mutatedJsonText, slackIdLike } from './fuzz-arbitraries.js';
import { ids, SOURCES } from './fuzz-ids.js';
import { PEOPLE } from './fuzz-support.js';

const b = ids.blocks.updates;
const input = ids.actions.updates.input;

// --- the update modal ------------------------------------------------------

/** A few series ids, so that some submissions reuse one: a replay, or an edit of a version that is not there. */
const seriesId = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom('3f1c9a4e-8b2d-4c6f-9e1a-7d5b2c8f0a13', '00000000-0000-4000-8000-000000000000'),
  },
  { weight: 3, arbitrary: fc.uuid() },
);
/** The fixture's measure/agency pairs (ids as imported), and whose agency may report on each. */
const PAIRS = [
  { m: 1, a: 1, agency: 'JD' },
  { m: 2, a: 1, agency: 'JD' },
  { m: 2, a: 2, agency: 'BFD' },
  { m: 2, a: 3, agency: 'UDI' },
  { m: 3, a: 2, agency: 'BFD' },
];
const AGENCY_OF: Record<string, string> = {
  [PEOPLE.contactNb]: 'JD',
  [PEOPLE.teamLead]: 'JD',
  [PEOPLE.contactEn]: 'BFD',
};
/** Pairs this user may report on: their agency's, or all of them for coordinators and admins. */
const pairsFor = (user: unknown) => {
  const agency = typeof user === 'string' ? AGENCY_OF[user] : undefined;
  const own = PAIRS.filter((p) => agency === undefined || p.agency === agency);
  return own.length > 0 ? own : PAIRS;
};
const updateMeta = (user: unknown) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({
          s: seriesId,
          b: fc.constantFrom(0, 0, 0, 0, 1, 2),
          pair: fc.constantFrom(...pairsFor(user)),
          src: fc.constantFrom(...SOURCES),
        })
        .map(({ pair, ...rest }) => encodeMetadata({ ...rest, m: pair.m, a: pair.a })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          s: seriesId,
          b: fc.constant(0),
          m: fc.constantFrom(1, 2, 3),
          a: fc.constantFrom(1, 2, 3),
          src: fc.constant('command' as const),
        })
        .map(encodeMetadata),
    },
    {
      weight: 2,
      arbitrary: mutatedJsonText({ s: '3f1c9a4e-8b2d-4c6f-9e1a-7d5b2c8f0a13', b: 0, m: 1, a: 1, src: 'command' }),
    },
    { weight: 1, arbitrary: fc.constantFrom('', '{}', 'null') },
  );

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Kartla behovet i kommunene', 'Sendt på høring', 'x', 'Møte med UDI 3.5.') },
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: blankText },
);

/** An element's state as Slack sends it, or missing, or of another type. */
function element<T>(right: fc.Arbitrary<T>, wrap: (v: T) => Json): fc.Arbitrary<Json | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: right.map(wrap) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ type: 'plain_text_input', value: v })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { value: null },
        {},
        { selected_option: null },
        { selected_option: { value: 7 } },
        { selected_date: 20040301 },
      ),
    },
  );
}
export const plain = (v: string) => ({ type: 'plain_text_input', value: v });
export const option = (v: string) => ({
  type: 'static_select',
  selected_option: { text: { type: 'plain_text', text: v }, value: v },
});

/** A field as a careful user fills it in, four times in five; otherwise anything. */
function field<T>(good: Json, hostile: fc.Arbitrary<T>, wrap: (v: T) => Json): fc.Arbitrary<Json | undefined> {
  return fc.oneof({ weight: 4, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: element(hostile, wrap) });
}
const updateValues = fc.record({
  status: field(
    option('ON_TRACK'),
    fc.oneof(fc.constantFrom(...STATUSES), fc.constantFrom('on_track', 'DONE', ''), hostileText),
    option,
  ),
  progress: field(
    { type: 'number_input', value: '40' },
    fc.oneof(fc.constantFrom('0', '100', '101', '-1', '1e2', ' 50 ', '٣', '050'), hugeNumber),
    (v) => ({ type: 'number_input', value: v }),
  ),
  done: field(plain('Kartla behovet i kommunene'), text, plain),
  challenges: field(plain(''), text, plain),
  nextSteps: field(plain('Sende på høring'), text, plain),
  spend: field(
    plain('12 500'),
    fc.oneof(fc.constantFrom('12.500 kr', '12 500,-', '0', '1000000000000', '1000000000001', '1,5'), hugeNumber),
    plain,
  ),
  periodDate: field(
    { type: 'datepicker', selected_date: '2004-02-27' },
    fc.oneof(fc.constantFrom('2004-01-01', '2004-03-01', '2003-12-31', '2004-03-02'), dateLike),
    (v) => ({ type: 'datepicker', selected_date: v }),
  ),
  measure: fc.option(element(fc.oneof(fc.constantFrom('1', '2', '3'), hugeNumber), option), { nil: undefined }),
  agency: fc.option(element(fc.oneof(fc.constantFrom('1', '2', '3'), hugeNumber), option), { nil: undefined }),
});
type UpdateValues = typeof updateValues extends fc.Arbitrary<infer T> ? T : never;

export function updateState(v: UpdateValues): Json {
  const state: Json = {};
  const put = (block: string, action: string, value: Json | undefined) => {
    if (value !== undefined) state[block] = { [action]: value };
  };
  put(b.status, input, v.status);
  put(b.progress, input, v.progress);
  put(b.done, input, v.done);
  put(b.challenges, input, v.challenges);
  put(b.nextSteps, input, v.nextSteps);
  put(b.spend, input, v.spend);
  put(b.periodDate, input, v.periodDate);
  put(b.measure, ids.actions.updates.pickMeasure, v.measure);
  put(b.agency, ids.actions.updates.pickAgency, v.agency);
  return state;
}

// --- the waiver modal ------------------------------------------------------

/** Periods the fixture plan's pairs really have on the bot's day (2004-03-01), and near misses. */
const waiverMeta = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        measureId: fc.constantFrom(1, 2, 3),
        agencyId: fc.constantFrom(1, 2, 3),
        measureNumber: fc.constantFrom(1, 2, 3),
        period: fc.constantFrom('d2004-01-15', 'd2004-02-02', 'd2004-03-01', 'r1', 'd2004-01-15~z1'),
      })
      .map(encodeReminderButton),
  },
  { weight: 2, arbitrary: mutatedJsonText({ m: 1, a: 1, n: 1, p: 'd2004-01-15' }) },
);
const waiverState = element(text, plain).map(
  (reason): Json =>
    reason === undefined ? {} : { [ids.blocks.reminders.reason]: { [ids.actions.reminders.reason]: reason } },
);

// --- every other view: the admin's forms, redaction, plan import ------------

const OTHER_VIEWS = viewCallbackIds().filter((v) => v !== ids.views.updateModal && v !== ids.views.reminderWaiver);

/**
 * State as Slack shapes it (block → action → element) with block and action
 * ids the bot does not know, each element any input type with hostile values:
 * the forms these views expect are their own tests' business; here they must
 * refuse cleanly.
 */
const anyElement = fc.oneof(
  text.map((v): Json => plain(v ?? '')),
  fc.oneof(fc.constantFrom('1', '2', '3', 'ADMIN', 'COORDINATOR'), hugeNumber, hostileText).map(option),
  dateLike.map((v): Json => ({ type: 'datepicker', selected_date: v })),
  slackIdLike.map((v): Json => ({ type: 'users_select', selected_user: v })),
  fc
    .array(fc.string({ maxLength: 10 }), { maxLength: 3 })
    .map((vs): Json => ({ type: 'checkboxes', selected_options: vs.map((v) => ({ value: v })) })),
  fc.jsonValue({ maxDepth: 2 }),
);
const anyState = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.dictionary(
      fc.string({ maxLength: 24 }),
      fc.dictionary(fc.string({ maxLength: 24 }), anyElement, { maxKeys: 2 }),
      { maxKeys: 6 },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const anyMeta = fc.oneof(
  mutatedJsonText({ m: 1, a: 1 }),
  mutatedJsonText({ id: 1, n: 1 }),
  fc.constantFrom('', '1', '2', '{}'),
  hostileText,
);

// --- one submission ----------------------------------------------------------

const someUser = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...Object.values(PEOPLE))
      .map((id): unknown => ({ id, username: 'x', team_id: 'T0TEST' })),
  },
  { weight: 1, arbitrary: slackIdLike.map((id): unknown => ({ id, team_id: 'T0TEST' })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, {}, { id: null }, { id: 42 }, 'U0KARI01') },
);

export const submission = someUser.chain((user) => {
  const id = isRecord(user) ? user.id : undefined;
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        callback: fc.constant(ids.views.updateModal),
        user: fc.constant(user),
        meta: updateMeta(id),
        state: fc.oneof(
          { weight: 9, arbitrary: updateValues.map(updateState) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        callback: fc.constant(ids.views.reminderWaiver),
        user: fc.constant(user),
        meta: waiverMeta,
        state: fc.oneof({ weight: 9, arbitrary: waiverState }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        callback: fc.constantFrom(...OTHER_VIEWS),
        user: fc.constant(user),
        meta: anyMeta,
        state: anyState.map((v): unknown => v),
      }),
    },
  );
});
export type Submission = typeof submission extends fc.Arbitrary<infer T> ? T : never;
