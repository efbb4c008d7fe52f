#!/usr/bin/env node
// Routes every import that reaches into another feature through that feature's index.ts:
// `node route-through-index.mjs <checkout>`. For each import of src/features/X/<module> from
// outside X (in src/, commands/, scripts/, bench/; tests may reach inside), the names are added to
// src/features/X/index.ts as `export { … } from './<module>.js'` and the import is pointed at the
// index. Idempotent; prints what it changed and any name two modules of one feature both export.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const ts = createRequire(path.join(root, 'package.json'))('typescript');
const posix = path.posix;

function list(dir) {
  if (!existsSync(path.join(root, dir))) return [];
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return p === 'src/generated' ? [] : list(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const featureOf = (p) => /^src\/features\/([^/]+)\//.exec(p)?.[1] ?? null;
const files = ['src', 'commands', 'scripts', 'bench'].flatMap(list);
/** feature -> Map<module path, Map<exported name, typeOnly>> */
const wanted = new Map();
const edits = new Map(); // file -> [{start, end, text}]

for (const file of files) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) && !ts.isExportDeclaration(stmt)) continue;
    const spec = stmt.moduleSpecifier;
    if (spec === undefined || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    const target = posix.normalize(posix.join(posix.dirname(file), spec.text)).replace(/\.js$/, '.ts');
    const feature = featureOf(target);
    if (feature === null || featureOf(file) === feature || target === `src/features/${feature}/index.ts`) continue;
    const names = [];
    if (ts.isImportDeclaration(stmt)) {
      const clause = stmt.importClause;
      if (clause?.name || (clause?.namedBindings && !ts.isNamedImports(clause.namedBindings))) {
        throw new Error(`${file}: default or namespace import of ${target}: route it by hand`);
      }
      for (const el of clause?.namedBindings?.elements ?? []) {
        names.push({ name: (el.propertyName ?? el.name).text, typeOnly: clause.isTypeOnly || el.isTypeOnly });
      }
    } else {
      for (const el of stmt.exportClause?.elements ?? []) {
        names.push({ name: (el.propertyName ?? el.name).text, typeOnly: stmt.isTypeOnly || el.isTypeOnly });
      }
    }
    if (!wanted.has(feature)) wanted.set(feature, new Map());
    const modules = wanted.get(feature);
    const module = `./${posix.relative(`src/features/${feature}`, target).replace(/\.ts$/, '.js')}`;
    if (!modules.has(module)) modules.set(module, new Map());
    for (const { name, typeOnly } of names) {
      const known = modules.get(module).get(name);
      modules.get(module).set(name, known === undefined ? typeOnly : known && typeOnly);
    }
    let rel = posix.relative(posix.dirname(file), `src/features/${feature}/index.js`);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    if (!edits.has(file)) edits.set(file, []);
    edits.get(file).push({ start: spec.getStart(source) + 1, end: spec.getEnd() - 1, text: rel });
  }
}

for (const [file, list] of edits) {
  let text = readFileSync(path.join(root, file), 'utf8');
  for (const e of list.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  writeFileSync(path.join(root, file), text);
  console.log(`routed ${list.length} import(s) in ${file}`);
}

// Merge into each index: keep what it exports, add what is wanted.
for (const [feature, modules] of wanted) {
  const indexPath = path.join(root, `src/features/${feature}/index.ts`);
  const existing = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : '';
  const source = ts.createSourceFile('index.ts', existing, ts.ScriptTarget.Latest, true);
  const header = [];
  for (const stmt of source.statements) {
    if (ts.isExportDeclaration(stmt) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const module = stmt.moduleSpecifier.text;
      if (!modules.has(module)) modules.set(module, new Map());
      for (const el of stmt.exportClause?.elements ?? []) {
        const name = (el.propertyName ?? el.name).text;
        const typeOnly = stmt.isTypeOnly || el.isTypeOnly;
        const known = modules.get(module).get(name);
        modules.get(module).set(name, known === undefined ? typeOnly : known && typeOnly);
      }
    }
  }
  const leading = existing.match(/^(\/\*\*[\s\S]*?\*\/\n)/)?.[1] ?? `/** The ${feature} feature's public API: all that other features, commands and the composition root may import. */\n`;
  header.push(leading);
  const seen = new Map();
  const lines = [...modules.keys()].sort().map((module) => {
    const names = [...modules.get(module)].sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of names) {
      if (seen.has(name)) console.log(`! ${feature}: ${name} is exported by ${seen.get(name)} and ${module}`);
      seen.set(name, module);
    }
    const allTypes = names.every(([, t]) => t);
    const list = names.map(([n, t]) => (t && !allTypes ? `type ${n}` : n)).join(', ');
    return `export ${allTypes ? 'type ' : ''}{ ${list} } from '${module}';`;
  });
  writeFileSync(indexPath, `${header.join('')}${lines.join('\n')}\n`);
  console.log(`wrote src/features/${feature}/index.ts (${lines.length} modules)`);
}
