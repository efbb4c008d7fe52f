import { describe, expect, it } from 'vitest';
import { checkRules, checkTree, folderCycles, prismaUses, readImports } from '../../scripts/check-boundaries.js';

/** The rules that npm run lint enforces, tried on small made-up trees. */
function problems(files: Record<string, string>): string[] {
  const imports = readImports('.', Object.keys(files), (f) => files[f] ?? '');
  return [
    ...checkRules(imports).map((v) => `${v.file}: ${v.rule}`),
    ...folderCycles(imports).map((c) => `cycle: ${c.join(' ⇄ ')}`),
  ];
}

describe('the layout rules', () => {
  it('hold for the tree as it is', () => {
    expect(checkTree(process.cwd())).toEqual([]);
  });

  it('refuse a kernel module that imports a feature', () => {
    expect(problems({ 'src/kernel/text/x.ts': "import { a } from '../../features/updates/index.js';" })).toEqual([
      expect.stringContaining('the kernel imports no feature'),
    ]);
  });

  it('refuse a feature that reaches past another feature’s index', () => {
    const found = problems({ 'src/features/home/x.ts': "import { a } from '../updates/measure-rows.js';" });
    expect(found).toEqual([expect.stringContaining('only through its index.ts')]);
    expect(problems({ 'src/features/home/x.ts': "import { a } from '../updates/index.js';" })).toEqual([]);
  });

  it('refuse a view that imports Bolt, the Prisma client or a service', () => {
    const found = problems({
      'src/features/updates/views/a.ts': "import type { App } from '@slack/bolt';",
      'src/features/updates/views/b.ts': "import { PrismaClient } from '../../../generated/prisma/client.js';",
      'src/features/updates/views/c.ts': "import { loadRows } from '../rows.js';",
      'src/features/updates/rows.ts': "import type { Deps } from '../../kernel/deps.js';",
    });
    expect(found).toEqual([
      expect.stringContaining('views/ import no Bolt'),
      expect.stringContaining('views/ import no Prisma'),
      expect.stringContaining('views/ use no service'),
    ]);
  });

  it('let a view use a type of a service, a model type and a pure module of its feature', () => {
    expect(
      problems({
        'src/features/updates/views/a.ts': [
          "import type { Row } from '../rows.js';",
          "import type { Update } from '../../../generated/prisma/client.js';",
          "import { TEXT_LIMIT } from '../draft.js';",
          "import { ids } from '../contract.js';",
        ].join('\n'),
        'src/features/updates/rows.ts': "import type { Deps } from '../../kernel/deps.js';",
      }),
    ).toEqual([]);
  });

  it('refuse a listener that imports the Prisma client or a job, or queries through deps.prisma', () => {
    const found = problems({
      'src/features/reminders/slack/a.ts': "import { Prisma } from '../../../generated/prisma/client.js';",
      'src/features/reminders/slack/b.ts': "import { runReminders } from '../jobs/reminders.js';",
    });
    expect(found).toEqual([
      expect.stringContaining('slack/ imports no Prisma client'),
      expect.stringContaining('slack/ imports no jobs/'),
    ]);
    expect(prismaUses('x.ts', 'await ctx.deps.prisma.focusArea.findMany();')).toEqual([1]);
    expect(prismaUses('x.ts', 'await focusAreas(ctx.deps.prisma);')).toEqual([]);
  });

  it('refuse an import cycle between two folders, but not one made of types alone', () => {
    const cycle = {
      'src/features/digests/a.ts': "import { b } from './views/b.js';",
      'src/features/digests/views/b.ts': "import { a } from '../a.js';",
    };
    expect(problems(cycle)).toEqual(['cycle: src/features/digests ⇄ src/features/digests/views']);
    expect(problems({ ...cycle, 'src/features/digests/views/b.ts': "import type { A } from '../a.js';" })).toEqual([]);
  });
});
