/**
 * The import graph of the extension's sources, read with the TypeScript compiler's parser (no type
 * checking, so building it takes well under a second), and the pure rules the architecture test
 * checks on it. The rules take a graph and return violations, so planted graphs can test them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import, re-export or dynamic `import()` from a source file. */
export interface Edge {
  /** Repo-relative path of the importing file, with `/` separators. */
  from: string;
  /** Repo-relative path of the imported file, or a package specifier as written (`wxt/browser`): the subpath says what is bundled. */
  to: string;
  /** True when nothing of the import survives compilation (`import type`, all specifiers `type`). */
  typeOnly: boolean;
  /** True for a package specifier; false for a file of this repo. */
  external: boolean;
  /** True when an `@/` or relative specifier names no file on disk. */
  missing?: boolean;
}

/** Files (repo-relative) and the edges between them. */
export interface ImportGraph {
  files: string[];
  edges: Edge[];
}

/** A specifier as found in a source file, before resolution. */
export interface RawImport {
  specifier: string;
  typeOnly: boolean;
}

const SOURCE = /\.tsx?$/;
// WXT's aliases for the repo root (see .wxt/tsconfig.json); `@scope/pkg` is a package, `@/x` is not.
const ROOT_ALIAS = /^(?:@|~|@@|~~)(?:\/|$)/;

/**
 * The specifiers a TypeScript source imports, each marked value or type-only. JSX in a `.tsx` file
 * counts as a value import of `<jsxImportSource>/jsx-runtime`, which the compiler adds (tsconfig.json).
 */
export function parseImports(fileName: string, text: string, jsxImportSource = 'preact'): RawImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: RawImport[] = [];
  const jsx = { specifier: `${jsxImportSource}/jsx-runtime`, typeOnly: false };
  const visit = (node: ts.Node): void => {
    if ((ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) && !found.includes(jsx)) {
      found.push(jsx);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: importIsTypeOnly(node.importClause) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      const allTypes = !!named && named.length > 0 && named.every((element) => element.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || allTypes });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      // A computed `import(name)` cannot be followed; the sources have none, and a rule on it would be guesswork.
      if (argument && ts.isStringLiteralLike(argument)) found.push({ specifier: argument.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true }); // `typeof import('x')`
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x.css'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  // `import { type A, type B }` erases to nothing; `import {}` would still run the module.
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

/**
 * Resolves a specifier as WXT's bundler does: root aliases and relative paths to a file (as written,
 * then `.ts`, `.tsx`, `/index.ts`, `/index.tsx`), anything else to a package.
 */
export function resolveSpecifier(
  specifier: string,
  from: string,
  exists: (file: string) => boolean,
): Omit<Edge, 'from' | 'typeOnly'> {
  const bare = specifier.replace(/[?#].*$/, ''); // `./card.css?inline` is still card.css
  let base: string;
  if (ROOT_ALIAS.test(bare)) base = bare.replace(ROOT_ALIAS, '');
  else if (bare.startsWith('.')) base = path.posix.join(path.posix.dirname(from), bare);
  else return { to: bare, external: true };
  base = path.posix.normalize(base || '.');
  // As written first: a json or css file is a leaf that keeps its extension.
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find(exists);
  return found ? { to: found, external: false } : { to: base, external: false, missing: true };
}

/** Files under the given folders of `root` whose name matches `include` (scripts by default), repo-relative and sorted. */
export function listSources(root: string, folders: string[], include: RegExp = SOURCE): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = `${dir}/${name}`;
      if (name === 'node_modules' || name.startsWith('.')) return [];
      return statSync(path.join(root, rel)).isDirectory() ? walk(rel) : include.test(name) ? [rel] : [];
    });
  return folders
    .filter((folder) => existsSync(path.join(root, folder)))
    .flatMap(walk)
    .sort();
}

/**
 * Reads and resolves every import of the `.ts`/`.tsx` files under `folders`, and of any other
 * script they reach, so a file outside those folders cannot hide a path.
 */
export function buildImportGraph(root: string, folders = ['utils', 'components', 'entrypoints']): ImportGraph {
  const exists = (file: string) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile();
  const queue = listSources(root, folders);
  const files = new Set<string>(queue);
  const edges: Edge[] = [];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const raw of parseImports(from, readFileSync(path.join(root, from), 'utf8'))) {
      const edge: Edge = { from, typeOnly: raw.typeOnly, ...resolveSpecifier(raw.specifier, from, exists) };
      edges.push(edge);
      if (edge.external || edge.missing || files.has(edge.to)) continue;
      files.add(edge.to); // json and css are leaves; a script outside the folders is read too
      if (SOURCE.test(edge.to)) queue.push(edge.to);
    }
  }
  return { files: [...files].sort(), edges };
}

/** True for a file inside a `background/` folder (utils/background, utils/x/background, entrypoints/background). */
export function isBackground(file: string): boolean {
  return file.split('/').slice(0, -1).includes('background');
}

function adjacency(graph: ImportGraph, keep: (edge: Edge) => boolean): Map<string, string[]> {
  const next = new Map<string, string[]>(graph.files.map((file) => [file, []]));
  for (const edge of graph.edges) {
    if (edge.external || edge.missing || !keep(edge)) continue;
    if (!next.has(edge.to)) next.set(edge.to, []);
    const list = next.get(edge.from) ?? next.set(edge.from, []).get(edge.from)!;
    if (!list.includes(edge.to)) list.push(edge.to);
  }
  return next;
}

/** Strongly connected components with a cycle in them (two or more files, or a file importing itself). */
export function cyclicComponents(next: Map<string, string[]>): string[][] {
  // Tarjan's algorithm; recursion depth is bounded by the longest import chain, a few dozen files.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const result: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) connect(target);
      if (stack.includes(target)) low.set(node, Math.min(low.get(node)!, low.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = stack.splice(stack.indexOf(node));
    if (component.length > 1 || next.get(node)?.includes(node)) result.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  return result.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Shortest path from `from` to `to` (both included, and `from` may be `to`) over `next`, within `allowed`. */
function shortestPath(next: Map<string, string[]>, from: string, to: string, allowed: Set<string>): string[] | undefined {
  const seen = new Set<string>();
  const queue: string[][] = [[from]];
  for (let i = 0; i < queue.length; i++) {
    const chain = queue[i]!;
    for (const target of next.get(chain[chain.length - 1]!) ?? []) {
      if (target === to) return [...chain, to];
      if (!allowed.has(target) || seen.has(target)) continue;
      seen.add(target);
      queue.push([...chain, target]);
    }
  }
  return undefined;
}

/** A cycle found in the graph: one closed path (`a → b → a`) and every file of its component. */
export interface Cycle {
  path: string[];
  component: string[];
}

/** Cycles over value imports, one per strongly connected component: these fail the test. */
export function valueCycles(graph: ImportGraph): Cycle[] {
  const next = adjacency(graph, (edge) => !edge.typeOnly);
  return cyclicComponents(next).map((component) => ({
    path: shortestPath(next, component[0]!, component[0]!, new Set(component))!,
    component,
  }));
}

/**
 * Cycles that exist only thanks to a type-only import (they vanish when compiled, so they are
 * reported, not failed): per component of the full graph, a closed path through a type-only edge.
 */
export function typeOnlyCycles(graph: ImportGraph): Cycle[] {
  const all = adjacency(graph, () => true);
  const typeEdges = graph.edges.filter((edge) => edge.typeOnly && !edge.external && !edge.missing);
  return cyclicComponents(all).flatMap((component) => {
    const members = new Set(component);
    for (const edge of typeEdges) {
      if (!members.has(edge.from) || !members.has(edge.to)) continue;
      const back = edge.from === edge.to ? [edge.to] : shortestPath(all, edge.to, edge.from, members);
      if (back) return [{ path: [edge.from, ...back], component }];
    }
    return [];
  });
}

/** What a root reaches: repo files (itself included) and package specifiers. */
export interface Closure {
  files: string[];
  packages: string[];
}

/** The files and packages `root` reaches through value imports (what ends up in its bundle). */
export function valueClosure(graph: ImportGraph, root: string): Closure {
  const files = new Set([root]);
  const packages = new Set<string>();
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of graph.edges) {
      if (edge.from !== queue[i] || edge.typeOnly || edge.missing) continue;
      if (edge.external) packages.add(edge.to);
      else if (!files.has(edge.to)) files.add(edge.to) && queue.push(edge.to);
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/**
 * Background modules that `roots` reach through value imports, each with its shortest chain from a
 * root, stopping at the first background file of a chain (that file's own imports add nothing new).
 * One chain per offending import (`last page-side file → background file`).
 */
export function backgroundReach(graph: ImportGraph, roots: string[]): string[][] {
  const next = adjacency(graph, (edge) => !edge.typeOnly);
  const found = new Map<string, string[]>();
  for (const root of roots) {
    const parent = new Map([[root, root]]);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      if (isBackground(node)) {
        const chain = [node];
        while (chain[0] !== root) chain.unshift(parent.get(chain[0]!)!);
        const key = chain.slice(-2).join(' → ');
        if (!found.has(key)) found.set(key, chain);
        continue;
      }
      for (const target of next.get(node) ?? []) if (!parent.has(target)) parent.set(target, node) && queue.push(target);
    }
  }
  return [...found.values()];
}

/** Value imports of a background module made directly by a file `pageSide` says runs outside the background. */
export function directBackgroundImports(graph: ImportGraph, pageSide: (file: string) => boolean): Edge[] {
  return graph.edges.filter((edge) => !edge.typeOnly && !edge.external && pageSide(edge.from) && isBackground(edge.to));
}

const FEATURE = /^utils\/[^/]+\/background\/feature\.ts$/;

/**
 * What is wrong with the feature list `listFile`: a missing list, a `utils/<feature>/background/feature.ts`
 * it does not import by value, an import that names no file, a `feature.ts` outside that convention.
 */
export function featureListProblems(graph: ImportGraph, listFile: string): string[] {
  const features = graph.files.filter((file) => FEATURE.test(file));
  if (!graph.files.includes(listFile)) {
    return [`${listFile} does not exist yet: it must export FEATURES, importing each of [${features.join(', ')}]`];
  }
  const imports = graph.edges.filter((edge) => edge.from === listFile && !edge.external);
  const listed = new Set(imports.filter((edge) => !edge.typeOnly).map((edge) => edge.to));
  return [
    ...features.filter((file) => !listed.has(file)).map((file) => `${file} is not imported by value by ${listFile}`),
    ...imports.filter((edge) => edge.missing).map((edge) => `${listFile} imports ${edge.to}, which does not exist`),
    // A value import is a listed feature; `import type { Feature }` from the shared kit is not.
    ...imports
      .filter((edge) => !edge.missing && !edge.typeOnly && /(^|\/)feature\.tsx?$/.test(edge.to) && !FEATURE.test(edge.to))
      .map((edge) => `${listFile} imports ${edge.to}: a feature lives at utils/<feature>/background/feature.ts`),
  ];
}
