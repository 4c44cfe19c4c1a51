/**
 * Which interface strings a script can show, found in its source: the build gives the background
 * and the scripts injected in pages only those (`scriptMessages` below, used by wxt.config.ts),
 * not the ~540 of both languages.
 *
 * The script's modules are walked by import from its entrypoint (our own files; packages show no
 * strings). A key counts as used when it appears in them as a string literal (`t('copy')`, or a
 * table of keys), or is built from a template whose fixed start or end it has (`error_${code}`
 * takes every `error_` key). A key reaching the script only at run time, from a message another
 * context sent, is not found: the background formats only its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Files whose strings are the messages themselves, not uses of them. */
const MESSAGE_FILES = /[\\/]utils[\\/](i18n(-core|-pages)?|messages-en|messages-zh-cn)\.ts$/;
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g;
const LITERAL = /(['"])([A-Za-z_][\w]*)\1/g;
/** A template's fixed part next to a placeholder: `prefix${` and `}suffix`. */
const TEMPLATE_START = /`([A-Za-z_]\w*)\$\{/g;
const TEMPLATE_END = /\}([A-Za-z_]\w*)`/g;

/** The file an import names, when it is one of ours (`@/…` or relative); packages and JSON are skipped. */
function resolveImport(specifier: string, importer: string, root: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = resolve(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(importer), specifier);
  else return undefined;
  return ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((extension) => base + extension)
    .find((file) => /\.tsx?$/.test(file) && existsSync(file));
}

/** Our source files reachable by import from `entry`. */
export function reachableFiles(entry: string, root: string): string[] {
  const seen = new Set<string>([resolve(entry)]);
  for (const file of seen) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(match[1]!, file, root);
      if (target) seen.add(target);
    }
  }
  return [...seen];
}

/** The keys of `allKeys` that the sources name, literally or by a template's fixed part. */
export function keysNamedIn(sources: string[], allKeys: Iterable<string>): Set<string> {
  const keys = new Set(allKeys);
  const used = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(LITERAL)) if (keys.has(match[2]!)) used.add(match[2]!);
    const starts = [...source.matchAll(TEMPLATE_START)].map((match) => match[1]!);
    const ends = [...source.matchAll(TEMPLATE_END)].map((match) => match[1]!);
    for (const key of keys) {
      if (starts.some((start) => key.startsWith(start)) || ends.some((end) => key.endsWith(end))) used.add(key);
    }
  }
  return used;
}

/** The message keys the script built from `entry` can show. */
export function usedMessageKeys(entry: string, root: string, allKeys: Iterable<string>): Set<string> {
  const files = reachableFiles(entry, root).filter((file) => !MESSAGE_FILES.test(file));
  return keysNamedIn(
    files.map((file) => readFileSync(file, 'utf8')),
    allKeys,
  );
}

/** A language's strings as utils/messages-*.ts merge them: every file of locales/<locale>/ but the manifest's. */
function localeMessages(root: string, locale: string): Record<string, string> {
  const folder = resolve(root, 'locales', locale);
  const files = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'manifest.json');
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(resolve(folder, name), 'utf8'))));
}

/**
 * A plugin that resolves every import of utils/i18n.ts (the strings of both languages) to
 * `replacement`, whose own imports are left alone. The rest of a plugin is added to it.
 */
export function replaceI18n(name: string, replacement: string, root = process.cwd()): Plugin {
  const all = resolve(root, 'utils/i18n.ts');
  return {
    name,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer === replacement) return undefined;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === all ? replacement : undefined;
    },
  };
}

/**
 * For a script built on its own (the background, the scripts injected in pages): utils/i18n.ts
 * with only the strings the script's code names, in both languages. Its `t` is the same; a key
 * the script does not name falls back to the key itself, as a missing string does everywhere.
 */
export function scriptMessages(entries: string[], root = process.cwd()): Plugin {
  const core = resolve(root, 'utils/i18n-core.ts');
  const id = '\0glance:script-messages';
  return {
    ...replaceI18n('glance:script-messages', id, root),
    load(loaded) {
      if (loaded !== id) return undefined;
      const en = localeMessages(root, 'en');
      const keys = new Set(entries.flatMap((entry) => [...usedMessageKeys(entry, root, Object.keys(en))]));
      const pick = (messages: Record<string, string>) =>
        JSON.stringify(Object.fromEntries(Object.entries(messages).filter(([key]) => keys.has(key))));
      return [
        `import { addMessages } from ${JSON.stringify(core)};`,
        `export * from ${JSON.stringify(core)};`,
        `addMessages('en', ${pick(en)});`,
        `addMessages('zh-CN', ${pick(localeMessages(root, 'zh-CN'))});`,
        'export function loadMessages() { return Promise.resolve(); }',
      ].join('\n');
    },
  };
}
