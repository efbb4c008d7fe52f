import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Messages } from '../../../kernel/i18n/index.js';
import { clip, clipMrkdwn, escapeMrkdwn, formatInstant, type ViewLocale } from '../../../kernel/text/format.js';
import { TEXT_FIELDS, type TextField } from '../../updates/index.js';
import { encodeRedactMetadata, ids, REDACTED } from '../contract.js';
import type { RedactableUpdate } from '../redactable.js';
import type { ScrubOutcome } from '../slack-quotes.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: clip(text, 150) });
const mrkdwn = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } });

function fieldLabel(m: Messages, field: TextField): string {
  if (field === 'done') return m.updates.doneLabel;
  return field === 'challenges' ? m.updates.challengesLabel : m.updates.nextStepsLabel;
}

/** The fields of a version that still hold text. */
function redactableFields(update: RedactableUpdate['update']): TextField[] {
  return TEXT_FIELDS.filter((f) => {
    const text = update[f];
    return text !== null && text !== REDACTED;
  });
}

/** The modal: the version's texts, a checkbox per field that still holds text, and the reason. */
export function redactModal(loc: ViewLocale, target: RedactableUpdate): ModalView {
  const { m } = loc;
  const t = m.privacy.redact;
  const u = target.update;
  const fields = redactableFields(u);
  const blocks: KnownBlock[] = [
    mrkdwn(
      t.intro(u.id, target.measureNumber, escapeMrkdwn(target.agencyCode), u.version, formatInstant(loc, u.createdAt)),
    ),
  ];
  for (const field of fields) blocks.push(mrkdwn(`*${fieldLabel(m, field)}:*\n${clipMrkdwn(u[field] ?? '', 2800)}`));
  if (fields.length === 0) return noticeModal(m, t.nothingLeft);
  const options: PlainTextOption[] = fields.map((f) => ({ text: plain(fieldLabel(m, f)), value: f }));
  blocks.push(
    {
      type: 'input',
      block_id: ids.blocks.fields,
      label: plain(t.fieldsLabel),
      element: { type: 'checkboxes', action_id: ids.actions.input, options },
    },
    {
      type: 'input',
      block_id: ids.blocks.reason,
      label: plain(t.reasonLabel),
      hint: plain(t.reasonHint),
      element: { type: 'plain_text_input', action_id: ids.actions.input, multiline: true, max_length: 500 },
    },
  );
  return {
    type: 'modal',
    callback_id: ids.views.redactModal,
    private_metadata: encodeRedactMetadata({ u: u.id }),
    title: plain(t.title),
    submit: plain(t.submit),
    close: plain(t.cancel),
    blocks,
  };
}

/** A modal that only says something: a refusal, or that there is nothing to do. */
export function noticeModal(m: Messages, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: ids.views.redactNotice,
    title: plain(m.privacy.redact.notice),
    close: plain(m.common.close),
    blocks: [mrkdwn(text)],
  };
}

/** `sladd tiltak <nr>`: the measure's latest versions, each with a button that opens the modal. */
export function redactList(
  loc: ViewLocale,
  measureNumber: number,
  rows: readonly RedactableUpdate[],
): { text: string; blocks?: KnownBlock[] } {
  const t = loc.m.privacy.redact;
  if (rows.length === 0) return { text: t.listEmpty(measureNumber) };
  const blocks: KnownBlock[] = [mrkdwn(t.listHeading(measureNumber))];
  for (const row of rows) {
    const u = row.update;
    const head = t.listRow(
      u.id,
      formatInstant(loc, u.createdAt),
      escapeMrkdwn(row.agencyCode),
      u.version,
      escapeMrkdwn(row.authorName),
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`${head}\n${clipMrkdwn(u.done, 200)}`, 3000) },
      accessory: {
        type: 'button',
        action_id: ids.actions.redactOpen,
        text: plain(t.button),
        value: String(u.id),
      },
    });
  }
  return { text: t.listHeading(measureNumber), blocks };
}

/** The DM to the admin once the redaction is stored: what was done, and which messages need their hand. */
export function redactResult(
  m: Messages,
  updateId: number,
  fields: readonly TextField[],
  outcome: ScrubOutcome,
): { text: string; blocks: KnownBlock[] } {
  const t = m.privacy.redact;
  const done = t.done(updateId, fields.map((f) => fieldLabel(m, f)).join(', '));
  const lines = [done, t.messagesUpdated(outcome.updated)];
  const blocks: KnownBlock[] = [mrkdwn(lines.join('\n'))];
  if (outcome.failed.length > 0) {
    const list = outcome.failed
      .slice(0, 30)
      .map((f) => `• ${t.kinds[f.kind]}: ${f.permalink ?? `${f.channel} ${f.ts}`} (\`${f.why}\`)`)
      .join('\n');
    blocks.push(mrkdwn(`${t.notUpdated}\n${list}`));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.filesNote }] });
  return { text: done, blocks };
}
