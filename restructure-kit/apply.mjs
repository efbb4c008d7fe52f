#!/usr/bin/env node
// Replays the restructuring moves on a checkout: `node apply.mjs <checkout> [--dry-run]`.
//
// 1. Reads moves.tsv (beside this script): "old path<TAB>new path" per line, '#' comments.
//    A line with one path (or the same path twice) places a file where it already is.
// 2. git mv's every listed file that exists (a missing one is reported and skipped,
//    so the script can run again on a tree that is already moved, or lacks a file).
// 3. Rewrites every relative specifier that points at a moved file, or that sits in a
//    moved file: import/export ... from '…', import('…'), import '…', vi.mock('…'),
//    new URL('…', import.meta.url); in src/, commands/, scripts/, bench/, tests/ and
//    root config files. Also rewrites repository paths of moved files named in
//    comments and in Markdown (e.g. `src/db/migrate.ts`).
// 4. Lists every file under src/ (not src/generated) that the table does not place,
//    so files added since the table was written can be added to it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
const tablePath = process.env.MOVES_TABLE ?? path.join(here, 'moves.tsv');

const posix = path.posix;
const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

// ---- the table
const moves = new Map(); // old -> new
const placed = new Set(); // every path the table names, old or new
for (const [i, raw] of readFileSync(tablePath, 'utf8').split('\n').entries()) {
  const line = raw.replace(/#.*$/, '').trim();
  if (line === '') continue;
  const cols = line.split(/\t+/).map((c) => c.trim());
  if (cols.length > 2) throw new Error(`${tablePath}:${i + 1}: more than two columns`);
  const [from, to = from] = cols;
  if (moves.has(from)) throw new Error(`${tablePath}:${i + 1}: ${from} listed twice`);
  moves.set(from, to);
  placed.add(from);
  placed.add(to);
}
const targets = new Map();
for (const [from, to] of moves) {
  if (targets.has(to) && from !== to) throw new Error(`two files move to ${to}: ${targets.get(to)} and ${from}`);
  targets.set(to, from);
}

// ---- what exists
const tracked = new Set(git('ls-files', '-z').split('\0').filter(Boolean));
const present = (p) => tracked.has(p) && existsSync(path.join(root, p));
const effective = new Map(); // old -> new, only for files present and really moving
const missing = [];
for (const [from, to] of moves) {
  if (from === to) continue;
  if (present(from)) {
    if (present(to)) throw new Error(`cannot move ${from}: ${to} exists already`);
    effective.set(from, to);
  } else if (!present(to)) missing.push(from);
}
const newPathOf = (p) => effective.get(p) ?? p;

// ---- which files get their specifiers rewritten
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const codeFiles = [...tracked].filter(
  (p) =>
    CODE.test(p) &&
    !p.startsWith('src/generated/') &&
    (/^(src|commands|scripts|bench|tests)\//.test(p) || !p.includes('/')),
);
const docFiles = [...tracked].filter((p) => p.endsWith('.md'));

// `from '…'`, `import '…'`, `import('…')`, `vi.mock('…'`, `new URL('…', import.meta.url)`
const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|importActual)\(\s*|\bnew URL\(\s*)(['"`])(\.{1,2}\/[^'"`$]*)\2/g;

function rewriteSpecifier(fileOld, fileNew, spec) {
  const dirOld = posix.dirname(fileOld);
  const dirNew = posix.dirname(fileNew);
  const trailingSlash = spec.endsWith('/');
  const targetOld = posix.normalize(posix.join(dirOld, spec));
  // `./x.js` names `x.ts` in a TypeScript tree.
  let targetNew = targetOld;
  for (const [ext, src] of [['.js', '.ts'], ['.mjs', '.mts'], ['', '']]) {
    if (!targetOld.endsWith(ext)) continue;
    const candidate = ext === '' ? targetOld : targetOld.slice(0, -ext.length) + src;
    if (effective.has(candidate)) {
      const moved = effective.get(candidate);
      targetNew = ext === '' ? moved : moved.slice(0, -src.length) + ext;
      break;
    }
  }
  if (targetNew === targetOld && dirOld === dirNew) return spec;
  let rel = posix.relative(dirNew, targetNew);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (trailingSlash && !rel.endsWith('/')) rel += '/';
  return rel;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathMentions = [...effective]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([from, to]) => [new RegExp(`(?<![\\w./-])${escapeRe(from)}(?![\\w-])`, 'g'), to]);
const rewriteMentions = (text) => pathMentions.reduce((t, [re, to]) => t.replace(re, to), text);

const rewritten = new Map(); // new path -> text
let specifiersChanged = 0;
for (const file of codeFiles) {
  const fileNew = newPathOf(file);
  const before = readFileSync(path.join(root, file), 'utf8');
  let after = before.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const next = rewriteSpecifier(file, fileNew, spec);
    if (next === spec) return whole;
    specifiersChanged++;
    return `${lead}${quote}${next}${quote}`;
  });
  after = rewriteMentions(after);
  if (after !== before) rewritten.set(fileNew, after);
}
for (const file of docFiles) {
  const before = readFileSync(path.join(root, file), 'utf8');
  const after = rewriteMentions(before);
  if (after !== before) rewritten.set(newPathOf(file), after);
}

// ---- files under src/ the table does not place
const unplaced = [...tracked]
  .filter((p) => p.startsWith('src/') && !p.startsWith('src/generated/') && !placed.has(p))
  .sort();

console.log(`moves in table: ${moves.size}; moving now: ${effective.size}; files rewritten: ${rewritten.size}; specifiers changed: ${specifiersChanged}`);
if (missing.length) console.log(`not found (skipped):\n  ${missing.join('\n  ')}`);
if (unplaced.length) console.log(`under src/ but not in the table (add them):\n  ${unplaced.join('\n  ')}`);
if (dryRun) process.exit(0);

for (const [from, to] of effective) {
  mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  git('mv', from, to);
}
for (const [file, text] of rewritten) writeFileSync(path.join(root, file), text);
git('add', '-A', '--', ...new Set([...rewritten.keys()]));
process.exitCode = unplaced.length ? 2 : 0;
