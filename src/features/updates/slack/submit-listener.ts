import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { isDatabaseUnavailable } from '../../../kernel/db/errors.js';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { findPerson } from '../../../kernel/people/people.js';
import { failureLang } from '../../../kernel/slack/failure-text.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { decodeMetadata, ids } from '../contract.js';
import { periodBounds } from '../period-bounds.js';
import { submitUpdate } from '../submit-update.js';
import { validateDraft } from '../update-draft.js';
import { fieldErrors } from '../views/update-field-errors.js';
import { noticeView } from '../views/update-notice.js';
import { refusalText } from '../views/update-refusal.js';
import { afterSave, type HomeAfterSave } from './after-save.js';
import { personalDataStep } from './personal-data-step.js';
import { readSubmission } from './read-submission.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The update modal's submission: validate, re-check rights, store, then ack
 * (field errors, a refusal notice, or closing the modal). The write happens
 * before the ack so that a refusal can still be shown; the confirmation is
 * sent after it. A submission without a valid user is acked and dropped.
 */
export function registerUpdateSubmission(app: TiltakBolt, deps: Deps, homes: HomeAfterSave): void {
  app.view(ids.views.updateModal, async ({ ack, body, view, client, context }: Args) => {
    const requestLog = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), requestLog, ids.views.updateModal);
    if (userId === null) return await ack();
    const log = requestLog.child({ user: userId, view: view.id });
    let acked = false;
    let lang: Lang | undefined;
    const answer: typeof ack = async (response) => {
      acked = true;
      await ack(response);
    };
    try {
      const person = await findPerson(deps, userId);
      lang = person?.language ?? 'nb';
      if (person !== null) deps.languages?.remember(person.slackId, person.language);
      const m = messages(lang);
      const notice = (text: string) => answer({ response_action: 'update', view: noticeView(m, text) });
      if (person === null) return await notice(m.updates.refusals.not_allowed);
      const meta = decodeMetadata(view.private_metadata);
      if (meta === null) return await notice(m.updates.staleForm);
      const submission = readSubmission(view.state.values);
      const bounds = await periodBounds(deps);
      const checked = validateDraft(submission.draft, bounds);
      const errors = checked.ok ? {} : fieldErrors(m, person.language, checked.errors, bounds);
      if (submission.measureId === 'invalid') errors[ids.blocks.updates.measure] = m.updates.errors.measureNotAllowed;
      if (submission.agencyId === 'invalid') errors[ids.blocks.updates.agency] = m.updates.errors.agencyNotAllowed;
      if (!checked.ok || Object.keys(errors).length > 0) return await answer({ response_action: 'errors', errors });
      const held = await personalDataStep({ deps, person, m, meta, view, submission, draft: checked.draft });
      if (held !== null) return await answer(held);

      const result = await submitUpdate(deps, {
        actor: person,
        measureId: typeof submission.measureId === 'number' ? submission.measureId : meta.m,
        agencyId: typeof submission.agencyId === 'number' ? submission.agencyId : meta.a,
        seriesId: meta.s,
        baseVersion: meta.b,
        draft: checked.draft,
      });
      if (result.kind === 'refused') {
        log.warn({ reason: result.reason, measureId: meta.m }, 'update refused on submit');
        return await notice(refusalText(m, result.reason, deps.config.EDIT_WINDOW_DAYS));
      }
      await answer({ response_action: 'clear' });
      log.info({ updateId: result.update.id, version: result.update.version }, 'update saved');
      await afterSave({ deps, client, person, update: result.update, source: meta.src, log, homes });
    } catch (error) {
      if (!acked) await ack(failureAck(deps, body.user.id, error, lang)).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * While the database is away the form stays open with everything typed, and
 * the first field says to try again shortly: the same "Lagre" then works.
 * Any other failure replaces the form with the apology.
 */
function failureAck(deps: Deps, userId: string, error: unknown, known: Lang | undefined): ViewResponseAction {
  const m = messages(failureLang(deps, userId, known));
  if (isDatabaseUnavailable(error))
    return { response_action: 'errors', errors: { [ids.blocks.updates.done]: m.common.databaseDown } };
  return { response_action: 'update', view: noticeView(m, m.common.somethingWentWrong) };
}
