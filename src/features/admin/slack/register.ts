import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import { type Lang, messages } from '../../../kernel/i18n/index.js';
import { failureText } from '../../../kernel/slack/failure-text.js';
import { requestLogger, type TiltakBolt } from '../../../kernel/slack/request-context.js';
import { checkedUser, interactionUserId } from '../../../kernel/slack/request-user.js';
import { findAdministrator } from '../access.js';
import { checkAgencyForm, findAgency, listAgencies, saveAgency } from '../agencies.js';
import { checkAreaForm, saveArea } from '../areas.js';
import { decodeForm, decodeLog, decodeRow, ids } from '../contract.js';
import { readFormValues } from '../form-values.js';
import { changeMeasureLifecycle, checkMeasureForm, saveMeasure } from '../measures.js';
import { checkPersonForm, findPersonRow, removePerson, savePerson } from '../people.js';
import { agencyModal } from '../views/agencies.js';
import { adminNoticeView } from '../views/notice.js';
import { personModal } from '../views/people.js';
import { channelReach, slackDirectory } from './directory.js';
import { adminModalButton, adminSubmission, adminViewButton, type SubmissionAnswer } from './guard.js';
import { renderLog } from './subcommands.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Every listener of /tiltak-admin; its sub-commands are listed in commands/tiltak-admin.ts. */
export function registerAdminListeners(app: TiltakBolt, deps: Deps): void {
  registerButtons(app, deps);
  registerSubmissions(app, deps);
  registerLogPages(app, deps);
}

function registerButtons(app: TiltakBolt, deps: Deps): void {
  const a = ids.actions.admin;
  adminModalButton(app, deps, a.agencyNew, async ({ m }) => agencyModal(m, null));
  adminModalButton(app, deps, a.agencyEdit, async ({ m }, value) => {
    const agencyId = decodeRow(value);
    const agency = agencyId === null ? null : await findAgency(deps.prisma, agencyId);
    return agency === null ? adminNoticeView(m, m.admin.staleForm) : agencyModal(m, agency);
  });
  adminModalButton(app, deps, a.personNew, async ({ m, lang }) =>
    personModal(m, lang, { person: null, pickedUser: null, agencies: await listAgencies(deps.prisma) }),
  );
  adminModalButton(app, deps, a.personEdit, async ({ m, lang }, value) => {
    const personId = decodeRow(value);
    const person = personId === null ? null : await findPersonRow(deps.prisma, { id: personId });
    if (person === null) return adminNoticeView(m, m.admin.staleForm);
    return personModal(m, lang, { person, pickedUser: null, agencies: await listAgencies(deps.prisma) });
  });
  adminViewButton(app, deps, a.personRemove, async ({ m, person }, value) => {
    const personId = decodeRow(value);
    if (personId === null) return m.admin.staleForm;
    const result = await removePerson(deps.prisma, person, personId, deps.clock.now());
    if (result.kind === 'adminOnly') return m.admin.refusedAdminOnly;
    return result.kind === 'removed' ? m.admin.people.removed(result.name) : m.admin.staleForm;
  });
  const lifecycle = (change: 'archive' | 'unarchive' | 'delete') =>
    adminViewButton(
      app,
      deps,
      ids.actions.admin[`measure${change === 'archive' ? 'Archive' : change === 'unarchive' ? 'Unarchive' : 'Delete'}`],
      async ({ m, person }, value) => {
        const measureId = decodeRow(value);
        if (measureId === null) return m.admin.staleForm;
        const result = await changeMeasureLifecycle(deps.prisma, person, measureId, change, deps.clock.now());
        const t = m.admin.measures;
        switch (result.kind) {
          case 'archived':
            return t.archivedDone(result.number);
          case 'unarchived':
            return t.unarchivedDone(result.number);
          case 'deleted':
            return t.deleted(result.number);
          case 'hasUpdates':
            return t.hasUpdates(result.number);
          case 'gone':
            return m.admin.staleForm;
        }
      },
    );
  lifecycle('archive');
  lifecycle('unarchive');
  lifecycle('delete');
}

function registerSubmissions(app: TiltakBolt, deps: Deps): void {
  const stale = (m: ReturnType<typeof messages>): SubmissionAnswer => ({ kind: 'notice', text: m.admin.staleForm });
  adminSubmission(app, deps, ids.views.agencyModal, async ({ m, person }, view) => {
    const meta = decodeForm(view.private_metadata);
    if (meta === null) return stale(m);
    const checked = checkAgencyForm(readFormValues(view.state.values));
    if (!checked.ok) return { kind: 'errors', errors: checked.errors };
    const result = await saveAgency(deps.prisma, person, meta.id, checked.input, deps.clock.now());
    if (result.kind === 'invalid') return { kind: 'errors', errors: result.errors };
    return result.kind === 'saved' ? { kind: 'notice', text: m.admin.agencies.saved(result.label) } : stale(m);
  });
  adminSubmission(app, deps, ids.views.personModal, async ({ m, person, client }, view) => {
    const meta = decodeForm(view.private_metadata);
    if (meta === null) return stale(m);
    const checked = checkPersonForm(readFormValues(view.state.values), meta.id !== 0);
    if (!checked.ok) return { kind: 'errors', errors: checked.errors };
    const directory = slackDirectory(client);
    const result = await savePerson(deps.prisma, directory, person, meta.id, checked.input, deps.clock.now());
    if (result.kind === 'invalid') return { kind: 'errors', errors: result.errors };
    return result.kind === 'saved' ? { kind: 'notice', text: m.admin.people.saved(result.label) } : stale(m);
  });
  adminSubmission(app, deps, ids.views.measureModal, async ({ m, person }, view) => {
    const meta = decodeForm(view.private_metadata);
    if (meta === null) return stale(m);
    const checked = checkMeasureForm(readFormValues(view.state.values), meta.id === 0);
    if (!checked.ok) return { kind: 'errors', errors: checked.errors };
    const result = await saveMeasure(deps.prisma, person, meta.id, checked.input, deps.clock.now());
    if (result.kind === 'invalid') return { kind: 'errors', errors: result.errors };
    return result.kind === 'saved' ? { kind: 'notice', text: m.admin.measures.saved(result.number) } : stale(m);
  });
  adminSubmission(app, deps, ids.views.areaModal, async ({ m, person, client }, view) => {
    const meta = decodeForm(view.private_metadata);
    if (meta === null || meta.id === 0) return stale(m);
    const checked = checkAreaForm(readFormValues(view.state.values));
    if (!checked.ok) return { kind: 'errors', errors: checked.errors };
    const result = await saveArea(deps.prisma, channelReach(client), person, meta.id, checked.input, deps.clock.now());
    if (result.kind === 'invalid') return { kind: 'errors', errors: result.errors };
    if (result.kind === 'gone') return stale(m);
    const saved = m.admin.areas.saved(result.number);
    const invite =
      result.reach === 'not_member' && result.channel !== null ? m.admin.areas.notMember(result.channel) : null;
    return { kind: 'notice', text: invite === null ? saved : `${saved}\n\n${invite}` };
  });
}

/** "Nyere"/"Eldre" under a page of the log: the next page replaces it, for administrators only. */
function registerLogPages(app: TiltakBolt, deps: Deps): void {
  const handler = async ({ ack, action, body, respond, context }: ButtonArgs) => {
    await ack();
    const log = requestLogger(context, deps.logger);
    const userId = checkedUser(interactionUserId(body), log, action.action_id);
    if (userId === null) return;
    let lang: Lang | undefined;
    try {
      const { person, allowed } = await findAdministrator(deps.prisma, userId);
      lang = person?.language ?? 'nb';
      const m = messages(lang);
      const value = decodeLog(action.value);
      if (person === null || !allowed || value === null) {
        const text = person === null || !allowed ? m.admin.refused : m.admin.staleForm;
        await respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      }
      const filter =
        value.m !== undefined
          ? { kind: 'measure' as const, number: value.m }
          : value.u !== undefined
            ? { kind: 'person' as const, slackId: value.u }
            : { kind: 'all' as const };
      const reply = await renderLog({ deps, lang, m }, filter, value.p);
      await respond({ response_type: 'ephemeral', replace_original: true, ...reply });
    } catch (error) {
      log.error({ err: error, user: userId }, 'could not turn the page of the audit log');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: failureText(deps, userId, error, lang),
      }).catch((e: unknown) => log.error({ err: e }, 'could not tell the user about the failure'));
    }
  };
  app.action<BlockAction<ButtonAction>>(ids.actions.admin.logNewer, handler);
  app.action<BlockAction<ButtonAction>>(ids.actions.admin.logOlder, handler);
}
