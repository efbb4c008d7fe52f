import type { Lang } from '../../../kernel/i18n/index.js';
import type { Logger } from '../../../kernel/logger.js';
import type { Digest } from '../model.js';
import { type DigestChart, renderDigestChart } from './digest-chart.js';
import { digestMainMessage, type SlackMessage } from './digest-main.js';
import { digestThreadReplies } from './digest-thread.js';

export interface DigestMessages {
  main: SlackMessage;
  /** Null when the chart could not be drawn: the digest still goes out, in words. */
  chart: DigestChart | null;
  replies: SlackMessage[];
}

export interface ComposeOptions {
  lang: Lang;
  timeZone: string;
  logger: Logger;
  lateDueAt?: Date | null;
  requestedBy?: string | null;
  withChart?: boolean;
}

export async function composeDigest(digest: Digest, options: ComposeOptions): Promise<DigestMessages> {
  const { lang, timeZone } = options;
  let chart: DigestChart | null = null;
  if (options.withChart ?? true) {
    try {
      chart = await renderDigestChart(digest, lang);
    } catch (error) {
      options.logger.warn(
        { err: error, area: digest.area.number, week: digest.period.week },
        'digest chart could not be drawn',
      );
    }
  }
  return {
    main: digestMainMessage(digest, {
      lang,
      timeZone,
      lateDueAt: options.lateDueAt ?? null,
      requestedBy: options.requestedBy ?? null,
    }),
    chart,
    replies: digestThreadReplies(digest, lang, timeZone),
  };
}
