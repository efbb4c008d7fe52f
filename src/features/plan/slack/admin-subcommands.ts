import type { Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import { findPlan } from '../../../kernel/db/plan.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import { classifySendError } from '../../../kernel/slack/slack-errors.js';
import { exportPlanText } from '../export-plan.js';
import { previewPlanImport } from '../import-preview.js';
import { newestSharedPlanFile, readSharedFile, type SharedFile, slackEmailLookup } from '../slack-plan-file.js';
import { importErrors, importPreview } from '../views/import-preview.js';

/** Why a shared file could not be read, in the user's words. */
export function unreadableText(m: Messages, reason: Exclude<SharedFile, { ok: true }>['reason']): string {
  if (reason === 'no_file') return m.planAdmin.noFile;
  const why = {
    too_large: 'over 1 MB',
    not_text: 'not UTF-8 text',
    not_yours: 'shared by someone else',
    download_failed: 'download failed',
  };
  return m.planAdmin.unreadable(why[reason]);
}

/**
 * `/tiltak-admin import`: the newest YAML file the coordinator shared in the
 * DM with the bot, checked as the import checks it (e-mail addresses looked up
 * in Slack), and shown as changes with a button; nothing is written here.
 */
export function importSubcommand(): Subcommand {
  return {
    key: 'plan-import',
    names: ['import'],
    usage: (m) => m.planAdmin.importUsage,
    summary: (m) => m.planAdmin.importSummary,
    async run(ctx: SubcommandContext) {
      const { m, deps, client } = ctx;
      const fileId = await newestSharedPlanFile(client, ctx.userId);
      if (fileId === null) return ctx.reply({ text: m.planAdmin.noFile });
      const file = await readSharedFile(client, deps.config, fileId, ctx.userId);
      if (!file.ok) return ctx.reply({ text: unreadableText(m, file.reason) });
      const preview = await previewPlanImport(deps.prisma, file.text, slackEmailLookup(client));
      if (!preview.ok) return ctx.reply(importErrors(m, file.name, preview.errors));
      return ctx.reply(importPreview(m, file, preview.changes));
    },
  };
}

/** `/tiltak-admin eksport`: the plan as YAML, uploaded to the coordinator's DM as reports are. */
export function exportSubcommand(): Subcommand {
  return {
    key: 'plan-export',
    names: ['eksport', 'export'],
    usage: (m) => m.planAdmin.exportUsage,
    summary: (m) => m.planAdmin.exportSummary,
    async run(ctx: SubcommandContext) {
      const { m, deps, client } = ctx;
      if ((await findPlan(deps.prisma)) === null) return ctx.reply({ text: m.planAdmin.noPlan });
      const text = await exportPlanText(deps.prisma);
      const filename = `plan-${deps.clock.now().toISOString().slice(0, 10)}.yaml`;
      try {
        const dm = await client.conversations.open({ users: ctx.userId });
        const channel = dm.channel?.id;
        if (channel === undefined) throw new Error('conversations.open returned no channel');
        await client.files.uploadV2({
          channel_id: channel,
          file: Buffer.from(text, 'utf8'),
          filename,
          title: filename,
          initial_comment: m.planAdmin.exportComment,
        });
      } catch (error) {
        deps.logger.warn({ err: error, failure: classifySendError(error) }, 'plan upload failed');
        return ctx.reply({ text: m.planAdmin.exportFailed });
      }
      return ctx.reply({ text: m.planAdmin.exportSent(filename) });
    },
  };
}
