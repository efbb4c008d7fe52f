import { z } from 'zod';
import { decodeJson } from '../../kernel/slack/decode-json.js';
import { slackUserIdSchema } from '../../kernel/slack/slack-user-id.js';
import { idSchema as id, wholeNumberSchema } from '../../kernel/text/whole-number.js';

/** Every Slack id of /tiltak-admin: its modals, its buttons, and the inputs of each modal. */
export const ids = {
  views: {
    agencyModal: 'admin_agency_modal',
    personModal: 'admin_person_modal',
    measureModal: 'admin_measure_modal',
    areaModal: 'admin_area_modal',
    // A refusal, a failure or a done-notice where a form was.
    notice: 'admin_notice',
  },
  actions: {
    admin: {
      agencyNew: 'admin_agency_new',
      agencyEdit: 'admin_agency_edit',
      personNew: 'admin_person_new',
      personEdit: 'admin_person_edit',
      personRemove: 'admin_person_remove',
      measureArchive: 'admin_measure_archive',
      measureUnarchive: 'admin_measure_unarchive',
      measureDelete: 'admin_measure_delete',
      logNewer: 'admin_log_newer',
      logOlder: 'admin_log_older',
      // The action_id of every input in the admin modals.
      input: 'admin_input',
    },
  },
  blocks: {
    agency: {
      code: 'admin_agency_code',
      nameNb: 'admin_agency_name_nb',
      nameEn: 'admin_agency_name_en',
      kind: 'admin_agency_kind',
      teamLead: 'admin_agency_team_lead',
    },
    person: {
      user: 'admin_person_user',
      email: 'admin_person_email',
      name: 'admin_person_name',
      agency: 'admin_person_agency',
      role: 'admin_person_role',
    },
    measure: {
      number: 'admin_measure_number',
      titleNb: 'admin_measure_title_nb',
      titleEn: 'admin_measure_title_en',
      description: 'admin_measure_description',
      area: 'admin_measure_area',
      lead: 'admin_measure_lead',
      partners: 'admin_measure_partners',
      cadence: 'admin_measure_cadence',
      deadline: 'admin_measure_deadline',
      actions: 'admin_measure_actions',
    },
    area: {
      titleNb: 'admin_area_title_nb',
      titleEn: 'admin_area_title_en',
      channel: 'admin_area_channel',
      weekday: 'admin_area_weekday',
      time: 'admin_area_time',
    },
  },
} as const;

// Button values and private_metadata are JSON we wrote, but a payload can be forged: read them back with zod.

const page = wholeNumberSchema({ max: 100_000 });
const measureNumber = wholeNumberSchema({ min: 1, max: 1_000_000 });

/** The row a form edits; 0 (or absent) is a new one. */
const formSchema = z.object({ id: wholeNumberSchema({ max: 2_147_483_647 }) });
export type FormMetadata = z.infer<typeof formSchema>;
export const encodeForm = (value: FormMetadata): string => JSON.stringify(value);
export const decodeForm = (text: string | undefined): FormMetadata | null => decodeJson(formSchema, text, 200);

const rowSchema = z.object({ id });
export const encodeRow = (rowId: number): string => JSON.stringify({ id: rowId });
export const decodeRow = (text: string | undefined): number | null => decodeJson(rowSchema, text, 200)?.id ?? null;

/** A page of the audit log, with the filter it was asked for. */
const logSchema = z.object({ p: page, m: measureNumber.optional(), u: slackUserIdSchema.optional() });
export type LogValue = z.infer<typeof logSchema>;
export const encodeLog = (value: LogValue): string => JSON.stringify(value);
export const decodeLog = (text: string | undefined): LogValue | null => decodeJson(logSchema, text, 300);
