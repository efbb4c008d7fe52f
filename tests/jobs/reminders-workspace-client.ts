import { ErrorCode, type WebAPICallResult, WebClient, type WebClientOptions } from '@slack/web-api';

/** Una's Slack account in the simulated quarter is deactivated: every DM to her is refused for good. */
export const GONE = ['U0UNA001'];

/** A Slack client for a workspace where some accounts are deactivated: conversations.open refuses them as Slack does. */
export class WorkspaceClient extends WebClient {
  readonly #gone: ReadonlySet<string>;

  constructor(token: string, options: WebClientOptions, gone: readonly string[]) {
    super(token, options);
    this.#gone = new Set(gone);
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    if (method === 'conversations.open' && this.#gone.has(String(options?.users))) {
      throw Object.assign(new Error('An API error occurred: user_not_found'), {
        code: ErrorCode.PlatformError,
        data: { ok: false, error: 'user_not_found' },
      });
    }
    return super.apiCall(method, options);
  }
}
