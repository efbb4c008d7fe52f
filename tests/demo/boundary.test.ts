// `npm start` must never load the demo: its stand-in answers as Slack and
// trusts whoever uses the page.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, it } from 'vitest';

/** Every file under src/ that src/main.ts reaches through relative imports. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      const target = normalize(join(dirname(file), `${m[1]}.ts`));
      if (!target.includes('generated')) queue.push(target);
    }
  }
  return seen;
}

it('npm start loads nothing from src/demo, and the demo reaches the bot only through its start-up code', () => {
  const production = importGraph('src/main.ts');
  expect(production.size).toBeGreaterThan(50);
  expect([...production].filter((f) => f.startsWith(normalize('src/demo/')))).toEqual([]);
  expect(importGraph('src/demo/main.ts')).toContain(normalize('src/bootstrap.ts'));
});
