import { App, LogLevel } from '@slack/bolt';

/**
 * The floor the bot is measured against: Bolt 5 from the same node_modules,
 * on HTTP, verifying the same signatures, doing nothing but what BENCH_MODE
 * asks. `ack` acks; `answer` acks and then posts one fixed line to the
 * response_url, the least any answer can cost. Run as its own process (the
 * bench transpiles it to plain JavaScript first, so no compiler sits in its
 * memory or its start-up).
 */
const mode = process.env.BENCH_MODE === 'answer' ? 'answer' : 'ack';
const app = new App({
  signingSecret: required('SLACK_SIGNING_SECRET'),
  token: required('SLACK_BOT_TOKEN'),
  clientOptions: { slackApiUrl: required('SLACK_API_URL') },
  // The bot does its own auth.test; the floor need not wait for one.
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
});

const answer = { response_type: 'ephemeral' as const, text: 'Svar.' };

app.command(/.*/, async ({ ack, respond }) => {
  await ack();
  if (mode === 'answer') await respond(answer);
});
app.action(/.*/, async ({ ack, respond }) => {
  await ack();
  if (mode === 'answer') await respond(answer);
});

await app.start(Number(required('PORT')));
process.stdout.write('listening\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.stop().finally(() => process.exit(0)));
}

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}
