import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import type { Logger } from '../../../kernel/logger.js';
import { findPerson } from '../../../kernel/people/people.js';
import { unknownUserText } from '../../../kernel/people/unknown-user.js';
import { failureLang, failureText } from '../../../kernel/slack/failure-text.js';
import { openLoadingModal, replaceLoadingModal } from '../../../kernel/slack/loading-modal.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import type { SlackUserId } from '../../../kernel/slack/slack-user-id.js';
import { viewLocale } from '../../../kernel/text/format.js';
import { hasVisibleCharacter, normaliseTypedText } from '../../../kernel/text/typed-text.js';
import { readWholeNumber } from '../../../kernel/text/whole-number.js';
import { TEXT_FIELDS, type TextField } from '../../updates/index.js';
import { decodeRedactMetadata, ids } from '../contract.js';
import { mayRedact, redactUpdate } from '../redact-update.js';
import { loadRedactable } from '../redactable.js';
import { scrubSlackQuotes } from '../slack-quotes.js';
import { noticeModal, redactModal, redactResult } from '../views/redact-views.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const inputs = z.record(
  z.string(),
  z.record(
    z.string(),
    z.looseObject({
      value: z.string().nullish(),
      selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
    }),
  ),
);

/** The "Sladd …" buttons of `sladd tiltak <nr>`, and the redaction modal's submission. */
export function registerPrivacyListeners(app: TiltakBolt, deps: Deps): void {
  app.action(ids.actions.redactOpen, async ({ ack, body, action, client, context }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const userId = checkedUser(interactionUserId(body), requestLogger(context, deps.logger), ids.actions.redactOpen);
    if (userId === null) return;
    // Open before the lookups: the trigger expires 3 s after the click.
    const modal = await openLoadingModal(client, body.trigger_id, ids.views.redactModal);
    if (modal === null) return;
    let lang: Lang | undefined;
    await replaceLoadingModal(
      client,
      modal,
      async () => {
        const person = await findPerson(deps, userId);
        const m = messages(person?.language ?? failureLang(deps, userId));
        if (person === null) return noticeModal(m, await unknownUserText(deps.prisma));
        lang = person.language;
        if (!mayRedact(person)) return noticeModal(m, m.privacy.redact.onlyAdmins);
        // A button value is ours, but a payload can be forged: only a plain positive id is read.
        const id = readWholeNumber(action.value, { min: 1, max: 2_147_483_647 });
        const target = id.ok ? await loadRedactable(deps.prisma, id.value) : null;
        if (target === null) return noticeModal(m, m.privacy.redact.noUpdate(id.ok ? String(id.value) : '?'));
        return redactModal(viewLocale(deps, person.language), target);
      },
      (error) => noticeModal(messages(failureLang(deps, userId, lang)), failureText(deps, userId, error, lang)),
    );
  });

  app.view(ids.views.redactModal, async (args: SubmitArgs) => {
    const requestLog = requestLogger(args.context, deps.logger);
    const userId = checkedUser(interactionUserId(args.body), requestLog, ids.views.redactModal);
    if (userId === null) return await args.ack();
    let acked = false;
    const ack: typeof args.ack = async (response) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await submitRedaction(deps, { ...args, ack }, userId, requestLog);
    } catch (error) {
      const text = failureText(deps, userId, error);
      if (!acked)
        await ack({ response_action: 'update', view: noticeModal(messages(failureLang(deps, userId)), text) });
      throw error;
    }
  });
}

async function submitRedaction(
  deps: Deps,
  { ack, view, client }: Pick<SubmitArgs, 'ack' | 'view' | 'client'>,
  userId: SlackUserId,
  requestLog: Logger,
): Promise<void> {
  const person = await findPerson(deps, userId);
  const m = messages(person?.language ?? failureLang(deps, userId));
  const t = m.privacy.redact;
  const notice = (text: string) => ack({ response_action: 'update', view: noticeModal(m, text) });
  // Rights are checked again here: the modal may have been opened before a role changed, or forged.
  if (person === null) return await notice(await unknownUserText(deps.prisma));
  if (!mayRedact(person)) return await notice(t.onlyAdmins);
  const meta = decodeRedactMetadata(view.private_metadata);
  if (meta === null) return await notice(m.updates.staleForm);
  const state = inputs.safeParse(view.state.values);
  const values = state.success ? state.data : {};
  const chosen = (values[ids.blocks.fields]?.[ids.actions.input]?.selected_options ?? []).map((o) => o.value);
  const fields = TEXT_FIELDS.filter((f): f is TextField => chosen.includes(f));
  const reason = normaliseTypedText(values[ids.blocks.reason]?.[ids.actions.input]?.value ?? '').trim();
  const errors: Record<string, string> = {};
  if (fields.length === 0) errors[ids.blocks.fields] = t.chooseField;
  if (!hasVisibleCharacter(reason)) errors[ids.blocks.reason] = t.reasonRequired;
  if (Object.keys(errors).length > 0) return await ack({ response_action: 'errors', errors });

  const result = await redactUpdate(deps, { actor: person, updateId: meta.u, fields, reason: reason.slice(0, 500) });
  if (result.kind === 'refused') {
    const text =
      result.reason === 'not_admin'
        ? t.onlyAdmins
        : result.reason === 'no_update'
          ? t.noUpdate(String(meta.u))
          : t.nothingLeft;
    return await notice(text);
  }
  await ack({ response_action: 'clear' });
  const log = requestLog.child({ user: userId, updateId: meta.u });
  log.info({ fields }, 'update redacted');
  // The words are gone from the database; now the bot's own messages that quoted them.
  const removed = Object.values(result.removed).filter((s): s is string => typeof s === 'string');
  const outcome = await scrubSlackQuotes(deps, client, result.update, removed);
  if (outcome.failed.length > 0) log.warn({ failed: outcome.failed.length }, 'some quoting messages were not updated');
  await client.chat.postMessage({ channel: person.slackId, ...redactResult(m, meta.u, fields, outcome) });
}
