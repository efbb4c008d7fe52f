import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandModules } from '../../commands/index.js';

interface ManifestCommand {
  command: string;
  description: string;
  usage_hint?: string;
}

const manifest = parse(await readFile(new URL('../../manifest.yml', import.meta.url), 'utf8')) as {
  features: { slash_commands: ManifestCommand[] };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
};

describe('manifest.yml and commands/', () => {
  it('every file in commands/ is registered in commands/index.ts', async () => {
    const files = (await readdir(new URL('../../commands/', import.meta.url))).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts',
    );
    expect(commandModules).toHaveLength(files.length);
    for (const file of files) {
      const module = (await import(
        pathToFileURL(new URL(`../../commands/${file}`, import.meta.url).pathname).href
      )) as { definition: unknown; register: unknown };
      expect(commandModules, file).toContain(module);
    }
  });

  it('lists exactly the commands in commands/, with the same description and usage hint', () => {
    const inCode = commandModules.map((m) => ({
      command: m.definition.command,
      description: m.definition.description,
      usage_hint: m.definition.usageHint,
    }));
    const inManifest = manifest.features.slash_commands.map((c) => ({
      command: c.command,
      description: c.description,
      usage_hint: c.usage_hint,
    }));
    expect(inManifest.sort((a, b) => a.command.localeCompare(b.command))).toEqual(
      inCode.sort((a, b) => a.command.localeCompare(b.command)),
    );
  });

  it('keeps within Slack limits for command text', () => {
    for (const c of manifest.features.slash_commands) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(100);
    }
  });

  it('subscribes to App Home and enables interactivity', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
