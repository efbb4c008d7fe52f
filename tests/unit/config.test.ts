import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/kernel/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'secret' };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      TZ_PLAN: 'Europe/Oslo',
      LOG_LEVEL: 'info',
      REMINDER_TIME: '09:00',
      EDIT_WINDOW_DAYS: 7,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reports every problem at once, each naming its variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TZ_PLAN: 'Europe/Atlantis', SLACK_API_URL: 'not a url', REMINDER_TIME: '9am' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'PORT',
      'TZ_PLAN',
      'SLACK_API_URL',
      'REMINDER_TIME',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('needs no signing secret in Socket Mode', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-x' }).SLACK_APP_TOKEN).toBe('xapp-1-x');
  });

  it('never repeats a secret in its messages', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_APP_TOKEN: 'xoxb-wrong-kind-secret' });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });
});
