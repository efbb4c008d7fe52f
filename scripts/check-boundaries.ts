/**
 * The layout's rules, checked over the TypeScript import graph (see ARCHITECTURE.md).
 * `npm run lint` runs it; it prints each broken rule and exits 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Import {
  from: string;
  /** Repository path of the target file, or the bare package name. */
  to: string;
  typeOnly: boolean;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

const ROOTS = ['src', 'commands', 'scripts', 'bench'];
const COMPOSITION = new Set(['src/main.ts', 'src/bootstrap.ts', 'src/app.ts', 'src/listeners.ts', 'src/jobs.ts']);

function listFiles(root: string, dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (rel !== 'src/generated') out = out.concat(listFiles(root, rel));
    } else if (entry.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Every import, export-from and dynamic import of the files, with its target resolved to a repository path. */
export function readImports(
  root: string,
  files: readonly string[],
  read = (f: string) => readFileSync(path.join(root, f), 'utf8'),
): Import[] {
  const imports: Import[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
    const add = (spec: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
      if (spec === undefined || !ts.isStringLiteral(spec)) return;
      const text = spec.text;
      const to = text.startsWith('.')
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), text)).replace(/\.js$/, '.ts')
        : text;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      imports.push({ from: file, to, typeOnly, line });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (clause.name === undefined &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.length > 0 &&
              clause.namedBindings.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier, typeOnly, node);
      } else if (ts.isExportDeclaration(node)) {
        add(node.moduleSpecifier, node.isTypeOnly, node);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node.arguments[0], false, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return imports;
}

/** `x.prisma.y` or `prisma.y`: the Prisma client used, not only passed on. */
export function prismaUses(file: string, text: string): number[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const inner = node.expression;
      const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : '';
      if (name === 'prisma') lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

const featureOf = (p: string): string | null => /^src\/features\/([^/]+)\//.exec(p)?.[1] ?? null;
const layerOf = (p: string): string | null => /^src\/features\/[^/]+\/(views|slack|jobs)\//.exec(p)?.[1] ?? null;
const isPrismaRuntime = (to: string) =>
  to.startsWith('@prisma/') || to === 'pg' || /^src\/generated\/prisma\/(client|internal)/.test(to);
const isPrisma = (to: string) => isPrismaRuntime(to) || to.startsWith('src/generated/prisma/');

/** A service talks to the database or to Slack: it imports the Prisma client, Deps, Bolt or the Web API, if only for a type. */
export function servicesAmong(imports: readonly Import[]): Set<string> {
  const talks = (to: string) =>
    isPrismaRuntime(to) ||
    to === 'src/kernel/deps.ts' ||
    to.startsWith('@slack/bolt') ||
    to.startsWith('@slack/web-api');
  return new Set(imports.filter((i) => talks(i.to)).map((i) => i.from));
}

/** What a view may use at run time: packages but Bolt, Prisma and the Web API; the kernel's text, i18n and calendar; another feature's index; a module of its own feature that is no service. */
function viewMayUse(view: string, to: string, services: ReadonlySet<string>): boolean {
  if (!to.startsWith('src/') && !to.startsWith('commands/'))
    return !to.startsWith('@slack/bolt') && !to.startsWith('@slack/web-api') && !isPrisma(to);
  if (/^src\/kernel\/(text|i18n|calendar)\//.test(to) || to === 'src/kernel/status.ts') return true;
  const feature = featureOf(view);
  const other = featureOf(to);
  if (other !== null && other !== feature) return to === `src/features/${other}/index.ts`;
  return other === feature && !services.has(to);
}

export function checkRules(imports: readonly Import[]): Violation[] {
  const out: Violation[] = [];
  const services = servicesAmong(imports);
  const say = (i: Import, rule: string) => out.push({ file: i.from, line: i.line, rule: `${rule} (imports ${i.to})` });
  for (const i of imports) {
    const { from, to } = i;
    const fromFeature = featureOf(from);
    const toFeature = featureOf(to);
    if (from.startsWith('src/kernel/')) {
      if (toFeature !== null || to.startsWith('commands/') || COMPOSITION.has(to))
        say(i, 'the kernel imports no feature, command or composition root');
    }
    if (toFeature !== null && toFeature !== fromFeature && to !== `src/features/${toFeature}/index.ts`) {
      say(i, `a feature is entered only through its index.ts (src/features/${toFeature}/index.ts)`);
    }
    if (fromFeature !== null) {
      if (to.startsWith('commands/') || COMPOSITION.has(to)) say(i, 'a feature imports no command or composition root');
      if (toFeature === fromFeature && to === `src/features/${fromFeature}/index.ts`)
        say(i, 'inside a feature, import the module itself, not the index');
      if (from === `src/features/${fromFeature}/contract.ts` && toFeature !== null)
        say(i, 'a contract is a leaf: it imports only the kernel and packages');
    }
    const layer = layerOf(from);
    if (layer === 'views') {
      if (to.startsWith('@slack/bolt')) say(i, 'views/ import no Bolt');
      else if (isPrisma(to)) {
        if (!i.typeOnly) say(i, 'views/ import no Prisma (a type of a model or enum is fine)');
      } else if (layerOf(to) === 'slack' || layerOf(to) === 'jobs')
        say(i, 'views/ import nothing from slack/ or jobs/');
      else if (!i.typeOnly && !viewMayUse(from, to, services)) {
        say(
          i,
          "views/ use no service at run time: only pure modules, kernel text/i18n/calendar, another feature's index (types are fine)",
        );
      }
    }
    if (layer === 'slack') {
      if (isPrismaRuntime(to) && !i.typeOnly) say(i, 'slack/ imports no Prisma client');
      if (layerOf(to) === 'jobs') say(i, 'slack/ imports no jobs/');
    }
  }
  return out;
}

const folderNode = (file: string) =>
  /^src\/features\/[^/]+\/(index|contract)\.ts$/.test(file) ? file : path.posix.dirname(file);

/**
 * Strongly connected sets of folders (two or more) in the graph of run-time
 * imports. A type-only import is erased and orders no loading, so a model type
 * may be shared both ways. A feature's index.ts and contract.ts are nodes of
 * their own: the index is the door that re-exports the feature's folders, and
 * nothing inside enters by it; the contract is a leaf that the feature's
 * services, views and listeners all read.
 */
export function folderCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to, typeOnly } of imports) {
    if (typeOnly || (!to.startsWith('src/') && !to.startsWith('commands/'))) continue;
    const a = folderNode(from);
    const b = folderNode(to);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)?.add(b);
  }
  // Tarjan
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) {
          onStack.delete(w);
          set.push(w);
        }
      } while (w !== undefined && w !== v);
      if (set.length > 1) cycles.push(set.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);
  return cycles;
}

export function checkTree(root: string): string[] {
  const files = ROOTS.flatMap((r) => listFiles(root, r));
  const imports = readImports(root, files);
  const problems = checkRules(imports).map((v) => `${v.file}:${v.line}: ${v.rule}`);
  for (const file of files.filter((f) => layerOf(f) === 'slack')) {
    for (const line of prismaUses(file, readFileSync(path.join(root, file), 'utf8'))) {
      problems.push(`${file}:${line}: slack/ uses no Prisma client: call a service`);
    }
  }
  for (const cycle of folderCycles(imports)) problems.push(`import cycle between folders: ${cycle.join(' ⇄ ')}`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkTree(process.cwd());
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? 'boundaries: no problems' : `boundaries: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
