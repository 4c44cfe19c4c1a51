/**
 * The architecture's rules (GUIDE.md, "Layout"), checked on the import graph of utils/, components/
 * and entrypoints/: no value-import cycles, nothing outside the background bundles a `background/`
 * module, the always-on content script reaches only what is listed here, every feature is in the
 * feature list, no source file passes 300 lines. Each failure names the files to look at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  backgroundReach,
  buildImportGraph,
  directBackgroundImports,
  featureListProblems,
  isBackground,
  listSources,
  parseImports,
  resolveSpecifier,
  typeOnlyCycles,
  valueClosure,
  valueCycles,
  type Cycle,
  type Edge,
  type ImportGraph,
} from './helpers/import-graph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONTENT_SCRIPT = 'entrypoints/content.ts';
const FEATURE_LIST = 'entrypoints/background/features.ts';
const BACKGROUND_ENTRY = 'entrypoints/background/index.ts';
const MAX_LINES = 300;

/**
 * Everything the always-on content script may bundle. It runs in every page the user opens, so it
 * has a 4 KB gzip budget, checked on the built file by `scripts/size.ts --check` (part of `npm test`).
 * Anything new it reaches must be added here deliberately, after checking that budget; heavy code
 * belongs in a script injected on demand (translate-card, extract-page).
 */
const CONTENT_SCRIPT_FILES = [
  'entrypoints/content.ts',
  'locales/en/translate.json', // only `translateButton` survives tree-shaking
  'locales/zh-CN/translate.json',
  'utils/page/shadow-host.ts',
  'utils/protocol.ts',
  'utils/translate/page/button-position.ts',
  'utils/translate/page/card-bridge.ts',
  'utils/translate/page/selection-button.ts',
  'utils/translate/page/selection.ts',
  'utils/translate/site-list.ts',
];
/** `defineContentScript` returns its argument; the module imports nothing at run time (wxt 0.20). */
const CONTENT_SCRIPT_PACKAGES = ['wxt/utils/define-content-script'];

/** Code that runs outside the background: pages, their hooks and components, page scripts. */
function outsideBackground(file: string): boolean {
  // Pure logic at a folder's top (utils/*.ts, utils/<feature>/*.ts) is "usable anywhere", so it
  // may not pull the background in either; only files inside a background/ folder may.
  return /^(utils|components|entrypoints)\//.test(file) && !isBackground(file);
}

/** Lines of a text as `wc -l` counts them for a file that ends with a newline. */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** `path` of files over `max` lines, as `file: N lines`, longest first. */
function oversized(lines: Record<string, number>, max: number): string[] {
  return Object.entries(lines)
    .filter(([, count]) => count > max)
    .sort((a, b) => b[1] - a[1])
    .map(([file, count]) => `${file}: ${count} lines`);
}

const arrow = (chain: string[]) => chain.join(' → ');
const describeCycle = (cycle: Cycle) =>
  `${arrow(cycle.path)}${cycle.component.length > cycle.path.length - 1 ? `  (component: ${cycle.component.join(', ')})` : ''}`;
const describeEdge = (edge: Edge) => `${edge.from} imports ${edge.to} by value`;

describe('the architecture', () => {
  const graph = buildImportGraph(ROOT);

  it('reads the whole tree: every entrypoint is in the graph and every @/ or relative import resolves', () => {
    expect(graph.files).toContain(CONTENT_SCRIPT);
    expect(graph.files).toContain(BACKGROUND_ENTRY);
    // An import the resolver cannot follow would hide its whole subtree from every rule below.
    const missing = graph.edges.filter((edge) => edge.missing).map((edge) => `${edge.from}: ${edge.to}`);
    expect(missing, 'imports that name no file').toEqual([]);
  });

  it('has no cycle of value imports (type-only cycles are only reported)', () => {
    const typeCycles = typeOnlyCycles(graph);
    if (typeCycles.length)
      console.info(`type-only import cycles (allowed, erased at build):\n${typeCycles.map(describeCycle).join('\n')}`);
    // A value cycle makes module evaluation order decide what is still undefined at import time.
    expect(valueCycles(graph).map(describeCycle), 'value-import cycles: break each one').toEqual([]);
  });

  it('keeps background/ modules out of every page, page script and content script', () => {
    // Every non-background file of entrypoints/ is a root (a new page is covered without editing
    // this test); WXT's entry files go first so each chain starts where the bundle starts.
    const entry = /^entrypoints\/([^/]+\.tsx?|[^/]+\/(main|index)\.tsx?)$/;
    const roots = graph.files
      .filter((file) => file.startsWith('entrypoints/') && !isBackground(file) && /\.tsx?$/.test(file))
      .sort((a, b) => Number(entry.test(b)) - Number(entry.test(a)));
    expect(roots, 'the non-background entrypoints').toEqual(
      expect.arrayContaining([CONTENT_SCRIPT, 'entrypoints/extract-page.ts']),
    );
    const leaks = backgroundReach(graph, roots).map(arrow);
    expect(leaks, 'value-import chains from a non-background entrypoint to a background/ module (use `import type`)').toEqual([]);
  });

  it('lets no component, ui hook, page code or pure module import a background/ module by value', () => {
    const direct = directBackgroundImports(graph, outsideBackground).map(describeEdge);
    expect(direct, 'value imports of background/ modules from outside the background (use `import type`)').toEqual([]);
  });

  it('keeps the always-on content script within its allow-list', () => {
    const closure = valueClosure(graph, CONTENT_SCRIPT);
    const newFiles = closure.files.filter((file) => !CONTENT_SCRIPT_FILES.includes(file));
    const newPackages = closure.packages.filter((name) => !CONTENT_SCRIPT_PACKAGES.includes(name));
    const stale = [...CONTENT_SCRIPT_FILES, ...CONTENT_SCRIPT_PACKAGES].filter(
      (entry) => !closure.files.includes(entry) && !closure.packages.includes(entry),
    );
    if (stale.length) console.info(`no longer reached by ${CONTENT_SCRIPT}; remove from the allow-list: ${stale.join(', ')}`);
    const message = `${CONTENT_SCRIPT} now reaches these (4 KB gzip budget: add them to the allow-list in this test only on purpose)`;
    expect([...newFiles, ...newPackages], message).toEqual([]);
  });

  it('lists every utils/<feature>/background/feature.ts in entrypoints/background/features.ts', () => {
    const problems = featureListProblems(graph, FEATURE_LIST);
    if (graph.files.includes(FEATURE_LIST)) {
      if (!/export\s+const\s+FEATURES\b/.test(readFileSync(path.join(ROOT, FEATURE_LIST), 'utf8'))) {
        problems.push(`${FEATURE_LIST} does not export FEATURES`);
      }
      // A list the background does not load would silently drop every feature's handlers.
      if (!valueClosure(graph, BACKGROUND_ENTRY).files.includes(FEATURE_LIST)) {
        problems.push(`${BACKGROUND_ENTRY} does not import ${FEATURE_LIST} by value (directly or through its wiring)`);
      }
    }
    expect(problems, 'the feature list').toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const files = listSources(ROOT, ['utils', 'components', 'entrypoints', 'scripts', 'tests'], /\.(tsx?|css)$/).filter(
      (file) => !file.startsWith('tests/fixtures/'),
    );
    const lines = Object.fromEntries(files.map((file) => [file, lineCount(readFileSync(path.join(ROOT, file), 'utf8'))]));
    expect(oversized(lines, MAX_LINES), `files over ${MAX_LINES} lines: split them (GUIDE.md convention 10)`).toEqual([]);
  });
});

/** A planted graph from lines `a.ts -> b.ts` (value import) and `a.ts ~> b.ts` (type-only); `pkg` names are packages. */
function planted(...lines: string[]): ImportGraph {
  const edges = lines.map((line): Edge => {
    const [from, kind, to] = line.split(' ') as [string, string, string];
    return { from, to, typeOnly: kind === '~>', external: !to.includes('.') };
  });
  return { files: [...new Set(edges.flatMap((edge) => (edge.external ? [edge.from] : [edge.from, edge.to])))].sort(), edges };
}

describe('the rules themselves', () => {
  it('reports a value cycle as a closed path', () => {
    const graph = planted(
      'utils/a.ts -> utils/b.ts',
      'utils/b.ts -> utils/c.ts',
      'utils/c.ts -> utils/a.ts',
      'utils/c.ts -> utils/d.ts',
    );
    expect(valueCycles(graph).map((cycle) => arrow(cycle.path))).toEqual(['utils/a.ts → utils/b.ts → utils/c.ts → utils/a.ts']);
    expect(valueCycles(planted('utils/a.ts -> utils/a.ts')).map((cycle) => cycle.path)).toEqual([['utils/a.ts', 'utils/a.ts']]);
  });

  it('does not fail a cycle that needs a type-only import, but reports it', () => {
    const graph = planted('utils/a.ts -> utils/b.ts', 'utils/b.ts ~> utils/a.ts');
    expect(valueCycles(graph)).toEqual([]);
    expect(typeOnlyCycles(graph).map((cycle) => arrow(cycle.path))).toEqual(['utils/b.ts → utils/a.ts → utils/b.ts']);
    expect(typeOnlyCycles(planted('utils/a.ts -> utils/b.ts', 'utils/b.ts -> utils/a.ts'))).toEqual([]);
  });

  it('reports a ui hook that imports a background module by value, not by type', () => {
    const value = planted('utils/x/ui/a.ts -> utils/x/background/b.ts');
    expect(directBackgroundImports(value, outsideBackground).map(describeEdge)).toEqual([
      'utils/x/ui/a.ts imports utils/x/background/b.ts by value',
    ]);
    expect(directBackgroundImports(planted('utils/x/ui/a.ts ~> utils/x/background/b.ts'), outsideBackground)).toEqual([]);
    // Background files may import each other.
    expect(directBackgroundImports(planted('utils/x/background/a.ts -> utils/background/b.ts'), outsideBackground)).toEqual([]);
  });

  it('follows value chains from an entrypoint to the first background module, and not through types', () => {
    const graph = planted(
      'entrypoints/popup/main.tsx -> components/x.tsx',
      'components/x.tsx -> utils/x/ui/hook.ts',
      'utils/x/ui/hook.ts -> entrypoints/background/jobs.ts',
      'entrypoints/background/jobs.ts -> utils/llm/background/client.ts',
      'entrypoints/popup/main.tsx ~> utils/chat/background/handlers.ts',
    );
    expect(backgroundReach(graph, ['entrypoints/popup/main.tsx']).map(arrow)).toEqual([
      'entrypoints/popup/main.tsx → components/x.tsx → utils/x/ui/hook.ts → entrypoints/background/jobs.ts',
    ]);
    expect(valueClosure(graph, 'components/x.tsx').files).toContain('utils/llm/background/client.ts');
  });

  it('checks the feature list against the feature folders', () => {
    const graph = planted('utils/a/background/feature.ts -> pkg', 'utils/b/background/feature.ts -> pkg');
    expect(featureListProblems(graph, FEATURE_LIST)[0]).toMatch(/does not exist yet/);
    graph.files.push(FEATURE_LIST);
    graph.edges.push({ from: FEATURE_LIST, to: 'utils/a/background/feature.ts', typeOnly: false, external: false });
    graph.edges.push({ from: FEATURE_LIST, to: 'utils/b/background/feature.ts', typeOnly: true, external: false });
    graph.edges.push({ from: FEATURE_LIST, to: 'utils/c/background/feature', typeOnly: false, external: false, missing: true });
    expect(featureListProblems(graph, FEATURE_LIST)).toEqual([
      `utils/b/background/feature.ts is not imported by value by ${FEATURE_LIST}`,
      `${FEATURE_LIST} imports utils/c/background/feature, which does not exist`,
    ]);
  });

  it('lists files over the limit, longest first', () => {
    expect(oversized({ 'a.ts': 300, 'b.ts': 301, 'c.css': 420 }, 300)).toEqual(['c.css: 420 lines', 'b.ts: 301 lines']);
  });

  it('tells value imports from type-only ones', () => {
    const source = [
      "import type { A } from '@/utils/a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "import {} from './side-effect';",
      "import './card.css';",
      "export type { F } from '@/utils/f';",
      "export * from '@/utils/g';",
      "const h = () => import('@/utils/h');",
      'const view = <p />;',
    ].join('\n');
    expect(parseImports('x.tsx', source)).toEqual([
      { specifier: '@/utils/a', typeOnly: true },
      { specifier: './b', typeOnly: true },
      { specifier: './d', typeOnly: false },
      { specifier: './side-effect', typeOnly: false },
      { specifier: './card.css', typeOnly: false },
      { specifier: '@/utils/f', typeOnly: true },
      { specifier: '@/utils/g', typeOnly: false },
      { specifier: '@/utils/h', typeOnly: false },
      { specifier: 'preact/jsx-runtime', typeOnly: false },
    ]);
  });

  it('resolves aliases, relative paths, index files, queries and packages', () => {
    const files = new Set(['utils/llm/tokens.ts', 'components/card.tsx', 'components/card.css', 'utils/page/index.ts']);
    const exists = (file: string) => files.has(file);
    const from = 'components/view.tsx';
    expect(resolveSpecifier('@/utils/llm/tokens', from, exists)).toEqual({ to: 'utils/llm/tokens.ts', external: false });
    expect(resolveSpecifier('./card', from, exists)).toEqual({ to: 'components/card.tsx', external: false });
    expect(resolveSpecifier('./card.css?inline', from, exists)).toEqual({ to: 'components/card.css', external: false });
    expect(resolveSpecifier('../utils/page', from, exists)).toEqual({ to: 'utils/page/index.ts', external: false });
    expect(resolveSpecifier('@mozilla/readability', from, exists)).toEqual({ to: '@mozilla/readability', external: true });
    expect(resolveSpecifier('@/utils/gone', from, exists)).toMatchObject({ missing: true });
  });
});
