import type { Deps } from '../src/kernel/deps.js';
import type { TiltakBolt } from '../src/kernel/slack/request-context.js';
import * as rapport from './rapport.js';
import * as tiltak from './tiltak.js';
import * as tiltakAdmin from './tiltak-admin.js';

/** Every slash command module; a test checks this list against commands/ and manifest.yml. */
export const commandModules = [tiltak, rapport, tiltakAdmin] as const;

export function registerCommands(app: TiltakBolt, deps: Deps): void {
  for (const command of commandModules) command.register(app, deps);
}
