import type { ViewOutput, ViewResponseAction } from '@slack/bolt';
import type { Deps } from '../../../kernel/deps.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import type { PersonWithAgency } from '../../../kernel/people/people.js';
import { ids, type ModalMetadata } from '../contract.js';
import { contactFindings } from '../personal-data.js';
import type { UpdateDraft } from '../update-draft.js';
import { contactWarnings, withSendAnyway } from '../views/personal-data-warning.js';
import { buildView } from './open-update-modal.js';
import { type Submission, stateValues } from './read-submission.js';

/**
 * Holds back a valid update that seems to hold an e-mail address or phone
 * number until the user has ticked «send anyway». The first time, the form
 * comes back as it was typed, with the warning and the checkbox (rebuilt from
 * the database, not from the submitted blocks, which a payload can forge); if
 * it is sent again unticked, the fields and the checkbox carry the warning.
 * Null: nothing to hold back.
 */
export async function personalDataStep(args: {
  deps: Deps;
  person: PersonWithAgency;
  m: Messages;
  meta: ModalMetadata;
  view: ViewOutput;
  submission: Submission;
  draft: UpdateDraft;
}): Promise<ViewResponseAction | null> {
  const { m, meta, submission } = args;
  const findings = contactFindings(args.draft);
  if (Object.keys(findings).length === 0 || submission.sendAnyway === true) return null;
  if (submission.sendAnyway === false)
    return {
      response_action: 'errors',
      errors: { ...contactWarnings(m, findings), [ids.blocks.updates.sendAnyway]: m.privacy.stillThere },
    };
  const form = await buildView({
    deps: args.deps,
    person: args.person,
    measureId: meta.m,
    agencyId: meta.a,
    ...(meta.b > 0 ? { editOf: meta.s } : {}),
    source: meta.src,
  });
  // A refusal (the person's rights changed since the form opened) is shown as it is.
  if (form.callback_id !== ids.views.updateModal) return { response_action: 'update', view: form };
  const values = stateValues.safeParse(args.view.state.values);
  const kept = { ...form, private_metadata: args.view.private_metadata };
  return { response_action: 'update', view: withSendAnyway(m, kept, values.success ? values.data : {}) };
}
