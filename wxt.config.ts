import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { backgroundChunks } from './scripts/background-chunks';
import { replaceI18n, scriptMessages } from './scripts/message-keys';
import { polyfillModule } from './scripts/polyfill-module';
import { rankLines } from './utils/llm/tokenizer-slices';

/** Chrome's `_locales` folder names for our locale ids. */
const MANIFEST_LOCALES = { en: 'en', 'zh-CN': 'zh_CN' } as const;

/**
 * The manifest's own strings (name, description, command titles) come from
 * `locales/<lang>/manifest.json`, the same files the UI reads, written out in
 * the browser's `_locales/<lang>/messages.json` format at build time.
 */
function manifestLocaleFiles() {
  return Object.entries(MANIFEST_LOCALES).map(([locale, folder]) => {
    const strings: Record<string, string> = JSON.parse(readFileSync(`locales/${locale}/manifest.json`, 'utf8'));
    const messages = Object.fromEntries(Object.entries(strings).map(([key, message]) => [key, { message }]));
    return { relativeDest: `_locales/${folder}/messages.json`, contents: JSON.stringify(messages, null, 2) };
  });
}

/** In a development build started with OPENAI_BASE_URL, that endpoint's host, granted up front. */
function devHostPermissions(mode: string): string[] {
  const baseURL = process.env.OPENAI_BASE_URL?.trim();
  if (mode !== 'development' || !baseURL) return [];
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(baseURL) ? baseURL : `https://${baseURL}`);
    return [`${url.protocol}//${url.hostname}/*`];
  } catch {
    return [];
  }
}

/**
 * The tokenizer's merge ranks, one JSON value per line, fetched by utils/llm/tokens.ts on first use
 * instead of being bundled into the background (where they slowed every service-worker start by
 * ~400 ms) and parsed a slice at a time (utils/llm/tokenizer-slices.ts).
 */
async function tokenizerFiles() {
  return Promise.all(
    (['o200k_base', 'cl100k_base'] as const).map(async (encoding) => {
      const ranks = (await import(`gpt-tokenizer/bpeRanks/${encoding}`)).default;
      return { relativeDest: `tokenizer/${encoding}.ndjson`, contents: rankLines(ranks) };
    }),
  );
}

/**
 * A development build started with OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL)
 * in the environment starts already configured with them. Production builds never carry them.
 */
function devPreset(mode: string): string {
  const apiKey = process.env.OPENAI_API_KEY?.trim();
  if (mode !== 'development' || !apiKey) return 'null';
  return JSON.stringify({
    apiKey,
    baseURL: process.env.OPENAI_BASE_URL?.trim() || undefined,
    model: process.env.OPENAI_MODEL?.trim() || undefined,
  });
}

/**
 * The always-on content script must stay tiny (4 KB gzip budget). WXT wraps every content script in
 * its `ContentScriptContext`, which imports the browser polyfill (~4 KB gzip alone); ours needs
 * none of it, so its build gets an empty context instead. Other content scripts keep WXT's.
 */
function bareContentScriptContext(): Plugin {
  const id = '\0glance:bare-content-script-context';
  return {
    name: 'glance:bare-content-script-context',
    enforce: 'pre',
    resolveId: (source) => (source === 'wxt/utils/content-script-context' ? id : undefined),
    load: (loaded) => (loaded === id ? 'export class ContentScriptContext {}' : undefined),
  };
}

/**
 * The background calls three of the SDK's resources (chat completions, models, audio). The SDK's
 * client constructs all twenty-odd of them, and chat completions import the tool-runner helpers,
 * so every resource would be bundled (~100 KB of the background's minified size). For the
 * background build the unused ones become empty classes: the client, its requests, streaming,
 * uploads and errors are the SDK's own code.
 */
function slimOpenAI(): Plugin {
  const sdk = resolve('node_modules/openai');
  const used = new Set(['chat/chat.mjs', 'models.mjs', 'audio/audio.mjs']);
  const apiId = '\0glance:openai-api';
  const stubPrefix = '\0glance:openai-stub:';
  const exportedNames = (file: string) => {
    const source = readFileSync(file, 'utf8');
    const names = [...source.matchAll(/^export (?:class|function|const) (\w+)/gm)].map((match) => match[1]);
    for (const [, list] of source.matchAll(/^export \{([^}]*)\}/gm)) {
      const items = list.split(',').map((item) => item.trim());
      names.push(...items.filter(Boolean).map((item) => item.split(/\s+as\s+/).pop() as string));
    }
    return [...new Set(names)];
  };
  const stub = (names: string[]) =>
    names.map((name) => `export class ${name} { constructor(client) { this._client = client; } }`).join('\n');
  return {
    name: 'glance:slim-openai',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.startsWith(sdk)) return undefined;
      const from = importer.slice(sdk.length + 1);
      const target = resolve(dirname(importer), source);
      if (target === `${sdk}/resources/index.mjs`) return apiId;
      const resource = from === 'client.mjs' && source.startsWith('./resources/') && !used.has(source.slice(12));
      const runner = from === 'resources/chat/completions/completions.mjs' && source.startsWith('../../../lib/');
      return resource || runner ? stubPrefix + target : undefined;
    },
    load(id) {
      if (id.startsWith(stubPrefix)) return stub(exportedNames(id.slice(stubPrefix.length)));
      if (id !== apiId) return undefined;
      const client = readFileSync(`${sdk}/client.mjs`, 'utf8');
      const names = [...new Set([...client.matchAll(/new API\.(\w+)\(/g)].map((match) => match[1]))];
      const real = { Chat: 'chat/chat.mjs', Models: 'models.mjs', Audio: 'audio/audio.mjs' } as Record<string, string>;
      return names
        .map((name) => (real[name] ? `export { ${name} } from '${sdk}/resources/${real[name]}';` : stub([name])))
        .join('\n');
    },
  };
}

/**
 * The extension's pages load only the interface language's strings (utils/i18n-pages.ts, in place
 * of utils/i18n.ts, which bundles every string of both languages). Only the pages' build gets this:
 * its modules import `@/utils/i18n` like every other. The background and the scripts injected in
 * pages get `scriptMessages` instead (scripts/message-keys.ts).
 */
function messagesOnDemand(): Plugin {
  return replaceI18n('glance:messages-on-demand', resolve('utils/i18n-pages.ts'));
}

/**
 * The popup opens in as few files as it can. Automatic chunking splits what the popup needs first
 * into one chunk per set of pages sharing it (17 files), and each file costs the page a request
 * through the browser's extension loader (the parser issues them one after another, 1-7 ms each
 * in a trace on this machine). Everything popup.html reaches by static import goes into two chunks
 * (Markdown, and the rest); what it loads with `import()` and what other pages alone use is chunked
 * as usual. Other pages that share a module of these load its whole chunk. The module graph is
 * complete at `buildEnd`, before chunking asks the groups' `test`.
 */
function popupFirstChunks() {
  const popupPage = resolve('entrypoints/popup/index.html');
  const first = new Set<string>();
  const markdown = /[\\/](node_modules[\\/](marked|dompurify)[\\/]|utils[\\/]markdown|components[\\/]markdown-view)/;
  const entry = /[\\/]entrypoints[\\/][^\\/]+[\\/](main\.tsx|index\.html)$|\.html$/;
  const plugin: Plugin = {
    name: 'glance:popup-first-chunks',
    buildEnd() {
      const pending = [popupPage];
      while (pending.length) {
        const id = pending.pop()!;
        if (first.has(id)) continue;
        first.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  const inFirst = (id: string) => first.has(id) && !entry.test(id);
  const groups = [
    { name: 'popup-markdown', priority: 2, test: (id: string) => inFirst(id) && markdown.test(id) },
    { name: 'popup-first', priority: 1, test: inFirst },
  ];
  return { plugin, groups };
}

/** Set from the build's environment: only Chrome's service worker gets its chunks on demand. */
let serviceWorker = false;

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: (env) => {
    serviceWorker = env.manifestVersion === 3;
    return {
      plugins: [polyfillModule(), preact()],
      define: { __GLANCE_DEV_PRESET__: devPreset(env.mode) },
      build: { chunkSizeWarningLimit: 4096 },
    };
  },
  hooks: {
    // The selection script is registered at run time (see utils/translate/background/selection-script.ts):
    // nothing of it belongs in the manifest, not even an empty list.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.content_scripts?.length === 0) delete manifest.content_scripts;
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.name === 'content' && entry.type === 'content-script')) {
        config.plugins = [bareContentScriptContext(), ...(config.plugins ?? [])];
      }
      if (entrypoints.some((entry) => entry.inputPath.endsWith('.html'))) {
        const first = popupFirstChunks();
        config.plugins = [messagesOnDemand(), first.plugin, ...(config.plugins ?? [])];
        // WXT's multi-page build sets rollupOptions.output (file names); the groups join them.
        const output = config.build?.rollupOptions?.output;
        if (!output || Array.isArray(output)) throw new Error('glance: expected WXT to set the pages build output');
        Object.assign(output, { codeSplitting: { groups: first.groups } });
      }
      if (entrypoints.some((entry) => entry.type === 'background')) {
        const split = serviceWorker ? [backgroundChunks(config)] : [];
        config.plugins = [slimOpenAI(), ...(config.plugins ?? []), ...split];
      }
      if (!entrypoints.some((entry) => entry.inputPath.endsWith('.html'))) {
        config.plugins = [scriptMessages(entrypoints.map((entry) => entry.inputPath)), ...(config.plugins ?? [])];
      }
    },
    'build:publicAssets': async (_wxt, files) => {
      files.push(...manifestLocaleFiles(), ...(await tokenizerFiles()));
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    // The default endpoint and local ones (Ollama, local relays) are granted up front; any other
    // endpoint's host is requested at runtime when the user saves or tests it.
    host_permissions: ['https://api.openai.com/*', 'http://localhost/*', 'http://127.0.0.1/*', ...devHostPermissions(mode)],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'summarize-page': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSummarizePage__' },
      'translate-selection': {
        suggested_key: { default: 'Alt+Y' },
        description: '__MSG_cmdTranslateSelection__',
      },
      // The first three selection actions: no suggested keys (the user picks them in the browser's shortcut settings).
      'run-action-1': { description: '__MSG_cmdRunAction1__' },
      'run-action-2': { description: '__MSG_cmdRunAction2__' },
      'run-action-3': { description: '__MSG_cmdRunAction3__' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_cmdOpenSidePanel__' },
      'translate-page': { suggested_key: { default: 'Alt+Shift+T' }, description: '__MSG_cmdTranslatePage__' },
    },
    ...(browser === 'firefox'
      ? {
          // Manifest V2 has no optional_host_permissions: optional hosts go in optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'glance@glance-extension.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['websiteContent'] },
            },
          },
        }
      : {}),
  }),
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  },
});
