import { Writable } from 'node:stream';
import { localDay } from '../../../kernel/calendar/calendar.js';
import { coordinatorsOnly } from '../../../kernel/commands/coordinators-only.js';
import type { Subcommand } from '../../../kernel/commands/subcommand.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import { classifySendError } from '../../../kernel/slack/slack-errors.js';
import { formatDayRange } from '../../digests/index.js';
import { exportArgsProblem, parseExportArgs } from '../export-args.js';
import { reportPeriod } from '../report-period.js';
import { writeReport } from '../write-report.js';

/** A stream that keeps what is written to it, for an upload that needs it whole. */
function byteSink(): { stream: Writable; take(): Buffer } {
  let chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      done();
    },
  });
  return {
    stream,
    take() {
      const all = Buffer.concat(chunks);
      chunks = [];
      return all;
    },
  };
}

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
      // Slack's upload takes the file whole, so it gathers here; nothing is uploaded unless the report is complete.
      const bytes = byteSink();
      const file = await writeReport(
        prisma,
        { from, to, timeZone: config.TZ_PLAN, generatedAt: now },
        args.format,
        ctx.lang,
        bytes.stream,
      );
      if (file.kind === 'no-plan') {
        await ctx.reply({ text: r.noPlan });
        return;
      }
      try {
        const dm = await ctx.client.conversations.open({ users: ctx.userId });
        const channel = dm.channel?.id;
        if (channel === undefined) throw new Error('conversations.open returned no channel');
        await ctx.client.files.uploadV2({
          channel_id: channel,
          file: bytes.take(),
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
