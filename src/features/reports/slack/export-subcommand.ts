import { localDay } from '../../../kernel/calendar/calendar.js';
import { coordinatorsOnly } from '../../../kernel/commands/coordinators-only.js';
import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import { classifySendError } from '../../../kernel/slack/slack-errors.js';
import { formatDayRange } from '../../digests/index.js';
import { renderReport } from '../build-report.js';
import { exportArgsProblem, parseExportArgs } from '../export-args.js';
import { loadReport } from '../load-report.js';
import { reportPeriod } from '../report-period.js';

/** /rapport eksport: the status report for a period, uploaded to the coordinator's DM. */
export function reportExportSubcommand(): Subcommand {
  return coordinatorsOnly({
    key: 'report-export',
    names: ['eksport', 'export'],
    usage: (m: Messages) => m.report.exportUsage,
    summary: (m: Messages) => m.report.exportSummary,
    async run(ctx) {
      const r = ctx.m.report;
      const { prisma, config, clock } = ctx.deps;
      const logger = ctx.log;
      const now = clock.now();
      const args = parseExportArgs(ctx.args, localDay(now, config.TZ_PLAN));
      if (args.kind !== 'ok') {
        await ctx.reply({ text: exportArgsProblem(ctx.m, args) });
        return;
      }
      const period = await reportPeriod(prisma, args, now, config.TZ_PLAN);
      if (period === null) {
        await ctx.reply({ text: r.noPlan });
        return;
      }
      const { from, to } = period;
      if (from > to) {
        await ctx.reply({ text: r.exportFromAfterTo });
        return;
      }
      await ctx.reply({ text: r.exportWorking });
      const data = await loadReport(prisma, { from, to, timeZone: config.TZ_PLAN, generatedAt: now });
      if (data === null) {
        await ctx.reply({ text: r.noPlan });
        return;
      }
      const file = await renderReport(data, args.format, ctx.lang, config.TZ_PLAN);
      try {
        const dm = await ctx.client.conversations.open({ users: ctx.userId });
        const channel = dm.channel?.id;
        if (channel === undefined) throw new Error('conversations.open returned no channel');
        await ctx.client.files.uploadV2({
          channel_id: channel,
          file: file.bytes,
          filename: file.filename,
          title: file.filename,
          initial_comment: r.exportComment(formatDayRange(from, to, ctx.lang)),
        });
      } catch (error) {
        logger.warn({ err: error, failure: classifySendError(error) }, 'report upload failed');
        await ctx.reply({ text: r.exportFailed });
        return;
      }
      await ctx.reply({ text: r.exportSent(file.filename) });
    },
  });
}
