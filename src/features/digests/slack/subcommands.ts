import { coordinatorsOnly } from '../../../kernel/commands/coordinators-only.js';
import type { Subcommand, SubcommandContext } from '../../../kernel/commands/subcommand.js';
import type { Messages } from '../../../kernel/i18n/index.js';
import { classifySendError } from '../../../kernel/slack/slack-errors.js';
import { classifySlackFailure, slackAnswered } from '../../../kernel/slack/slack-failure.js';
import { quote } from '../../../kernel/text/format.js';
import { areaChoices } from '../../../kernel/text/typed-area.js';
import { buildDigest } from '../build-digest.js';
import { weekNumber } from '../format.js';
import { postDigest } from '../post-digest.js';
import { type DigestRequest, resolveDigestRequest } from '../resolve-request.js';
import { composeDigest } from '../views/compose.js';
import { chartAltText } from '../views/digest-chart.js';

/** A response_url takes five posts: the main message, three replies and a note. */
const PREVIEW_REPLIES = 3;

/** Answers what is wrong with the request (callers are coordinators-only); returns the request only when it can be served. */
async function readRequest(
  ctx: SubcommandContext,
  usage: string,
): Promise<Extract<DigestRequest, { kind: 'ok' }> | null> {
  const m = ctx.m.digest;
  const request = await resolveDigestRequest(ctx.deps.prisma, ctx.args, ctx.deps.clock.now(), ctx.deps.config.TZ_PLAN);
  if (request.kind === 'ok') return request;
  const text =
    request.kind === 'need-area'
      ? m.needArea(usage, areaChoices(ctx.lang, request.areas))
      : request.kind === 'no-such-area'
        ? m.noSuchArea(quote(request.given), areaChoices(ctx.lang, request.areas))
        : request.kind === 'bad-week'
          ? m.badWeek(quote(request.given))
          : m.futureWeek(weekNumber(request.week));
  await ctx.reply({ text });
  return null;
}

export function digestPreviewSubcommand(): Subcommand {
  return coordinatorsOnly({
    key: 'digest-preview',
    names: ['sammendrag', 'digest'],
    usage: (m: Messages) => m.digest.previewUsage,
    summary: (m: Messages) => m.digest.previewSummary,
    async run(ctx) {
      const request = await readRequest(ctx, ctx.m.digest.previewUsage);
      if (request === null) return;
      const { prisma, config } = ctx.deps;
      const logger = ctx.log;
      const digest = await buildDigest(prisma, config, request.area.id, request.period);
      const composed = await composeDigest(digest, {
        lang: ctx.lang,
        timeZone: config.TZ_PLAN,
        logger,
        withChart: false,
      });
      const note = ctx.m.digest.previewNote(request.area.number);
      await ctx.reply({
        text: composed.main.text,
        blocks: [
          { type: 'context', elements: [{ type: 'mrkdwn', text: note }] },
          ...composed.main.blocks,
          {
            type: 'context',
            elements: [{ type: 'plain_text', text: `${ctx.m.digest.chartLabel}: ${chartAltText(digest, ctx.lang)}` }],
          },
        ],
      });
      for (const reply of composed.replies.slice(0, PREVIEW_REPLIES)) await ctx.reply(reply);
      if (composed.replies.length > PREVIEW_REPLIES)
        await ctx.reply({ text: ctx.m.digest.previewMore(PREVIEW_REPLIES, composed.replies.length) });
    },
  });
}

export function digestSendSubcommand(): Subcommand {
  return coordinatorsOnly({
    key: 'digest-send',
    names: ['send'],
    usage: (m: Messages) => m.digest.sendUsage,
    summary: (m: Messages) => m.digest.sendSummary,
    async run(ctx) {
      const request = await readRequest(ctx, ctx.m.digest.sendUsage);
      if (request === null) return;
      const { prisma, config } = ctx.deps;
      const logger = ctx.log;
      const target = request.area.channel ?? config.COORDINATOR_CHANNEL ?? null;
      if (target === null) {
        await ctx.reply({ text: ctx.m.digest.noChannel(request.area.number) });
        return;
      }
      const digest = await buildDigest(prisma, config, request.area.id, request.period);
      // Channel digests are in the plan's first language, whoever asks.
      const composed = await composeDigest(digest, {
        lang: 'nb',
        timeZone: config.TZ_PLAN,
        logger,
        requestedBy: ctx.userId,
      });
      let mainPosted = false;
      try {
        const { channel } = await postDigest(ctx.client, target, composed, {
          key: null,
          mainTs: null,
          resume: false,
          since: ctx.deps.clock.now(),
          logger,
          onMainPosted: async () => {
            mainPosted = true;
          },
        });
        await ctx.reply({ text: ctx.m.digest.posted(channel) });
      } catch (error) {
        if (!slackAnswered(classifySlackFailure(error))) throw error;
        const failure = classifySendError(error);
        logger.warn({ err: error, area: request.area.number, failure }, 'digest sent on request was refused');
        const text = mainPosted
          ? ctx.m.digest.partlyPosted(target)
          : failure.code === 'not_in_channel' || failure.code === 'channel_not_found'
            ? ctx.m.digest.notInChannel(target)
            : failure.kind === 'retry'
              ? ctx.m.digest.slackBusy
              : ctx.m.common.somethingWentWrong;
        await ctx.reply({ text });
      }
    },
  });
}
