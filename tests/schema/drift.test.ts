import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('prisma/schema.prisma and prisma/migrations', () => {
  it('describe the same database (author a migration with npm run db:new-migration)', async () => {
    const result = await run(
      'npx',
      [
        'prisma',
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema-datamodel',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      { encoding: 'utf8' },
    ).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? -1,
        out: `${e.stdout ?? ''}${e.stderr ?? ''}`,
      }),
    );
    // Exit code 2 means "there is a difference"; 1 would be an error of the CLI itself.
    expect(result.out).toContain('No difference detected');
    expect(result.code).toBe(0);
  }, 120_000); // two fresh PGlites (pglite-adapter.ts); since 0.4 each runs initdb as a WASM program of its own
});
