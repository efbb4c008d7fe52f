// `npm run demo`: Tiltak in the browser with a local stand-in for Slack.
// Not for production: fictional people, a made-up clock, no Slack at all.
import { demoRoutes } from './routes.js';
import { DemoSession } from './session.js';

const port = Number(process.env.DEMO_PORT ?? 3030);
const session = new DemoSession({
  port,
  dataDir: './data/demo',
  bundledPlan: 'plans/handlingsplan-2003-2005.yaml',
  logLevel: process.env.DEMO_LOG_LEVEL ?? 'warn',
});
session.serve(demoRoutes(session));

try {
  await session.start();
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`Tiltak demo: open http://localhost:${port} (fictional people; not for production). Ctrl+C stops it.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await session.stop();
  await session.standIn.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
