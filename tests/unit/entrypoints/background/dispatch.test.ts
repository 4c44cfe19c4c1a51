import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, type DispatchDeps } from '@/entrypoints/background/dispatch';
import { handlers } from '@/entrypoints/background/features';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { resolveLocale } from '@/utils/i18n';
import { PROTOCOL_TAG, type MessageName } from '@/utils/protocol';
import { budgetOverrideItem, getSettings } from '@/utils/settings';

const KEY = 'sk-secret-test-key-ABCDEFGHIJKLMNOP';
const EXTENSION_ID = 'glance-test-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** A fetch that answers like an OpenAI endpoint, so handlers that call the API succeed. */
const fakeFetch = vi.fn(async (input: RequestInfo | URL) => {
  const url = String(input);
  if (url.endsWith('/models')) {
    return Response.json({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] });
  }
  const sse = [
    { choices: [{ index: 0, delta: { role: 'assistant', content: 'OK' }, finish_reason: null }] },
    { choices: [{ index: 0, delta: {}, finish_reason: 'length' }] },
  ]
    .map(
      (chunk) =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', ...chunk })}\n\n`,
    )
    .join('');
  return new Response(`${sse}data: [DONE]\n\n`, { headers: { 'content-type': 'text/event-stream' } });
});

const deps: DispatchDeps = {
  handlers,
  extensionId: EXTENSION_ID,
  extensionOrigin: ORIGIN,
  getSettings,
  localeOf: (settings) => resolveLocale(settings.uiLanguage, 'en'),
  clientDeps: { fetch: fakeFetch as unknown as typeof fetch },
};

const pageSender = { id: EXTENSION_ID, url: `${ORIGIN}/options.html` };
const contentSender = { id: EXTENSION_ID, url: 'https://evil.example/page', tab: { id: 7 } as never, frameId: 0 };
const draft = { provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };

/** A plausible payload for every message, so refusals come from the sender check, not the shape. */
const payloads: Record<MessageName, unknown> = {
  getPageSettings: null,
  getKeyStatus: { provider: 'openai' },
  saveApiKey: { provider: 'openai', apiKey: 'sk-overwrite-attempt-000000' },
  listModels: draft,
  testConnection: draft,
  overrideBudget: null,
  getUsage: null,
  getSpending: null,
  exportUsage: null,
  clearUsage: null,
  inspectPage: { tabId: 1 },
  readSelection: { tabId: 1 },
  showTranslateCard: null,
  pageTranslate: { tabId: 1, command: 'status' },
  pageTranslateAuto: null,
  openSettings: {},
  listActions: null,
  showActionToolbar: null,
  showActionCard: null,
  openActionInPanel: { actionId: 'explain', selection: 'Some words', surrounding: '', pageTitle: '', url: '' },
  takePanelAction: { tabId: 1 },
  chatImport: {
    data: {
      format: 'glance-chat',
      version: 1,
      conversations: [{ id: 'c1', title: 'Hi', model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }],
    },
  },
  chatGet: { id: null },
  chatSaveDraft: { id: 'c1', text: 'half-typed' },
  chatGetDraft: { id: 'c1' },
  chatSetCurrent: { id: 'c1' },
  chatList: { query: '' },
  chatRename: { id: 'c1', title: 'Renamed' },
  chatSetModel: { id: 'c1', model: 'gpt-4.1-mini' },
  chatExport: { ids: null },
  chatEstimate: { conversationId: 'c1', text: 'and then?', model: 'gpt-4o-mini' },
  chatDelete: { id: 'c1' },
  askPlan: { tabId: 1, question: 'why?' },
  askGetConversation: { url: 'https://example.com/' },
  askClearConversation: { url: 'https://example.com/' },
  askExport: null,
  askShowCitation: { tabId: 1, text: 'a passage', nth: 0 },
  transcribeEstimate: { seconds: 60 },
  transcribeListMedia: { tabId: 1 },
  transcribeCaptions: { tabId: 1, mediaIndex: 0, trackIndex: 0 },
  transcribePlayerCaptions: { tabId: 1, url: 'https://www.youtube.com/api/timedtext?v=x&lang=en', auto: false },
  transcriptSummaryEstimate: { jobId: 'job-1' },
  transcribeSeek: { tabId: 1, mediaIndex: 0, seconds: 5 },
};

/** Messages only content scripts send (the translation card's loader). */
const CONTENT_ONLY: MessageName[] = [
  'showTranslateCard',
  'showActionToolbar',
  'showActionCard',
  'openActionInPanel',
  'pageTranslateAuto',
];
/** Messages content scripts may send: nothing secret comes back from any of them. */
const CONTENT_ALLOWED: MessageName[] = [
  'getPageSettings',
  'showTranslateCard',
  'openSettings',
  // The toolbar's action names and icons (no prompts), and loading its scripts into the sender's frame.
  'listActions',
  'showActionToolbar',
  'showActionCard',
  // An action whose answer goes to the side panel of the sender's own tab (the prompt stays here).
  'openActionInPanel',
  // The starter on an "Always translate" site: translate the sender's own page.
  'pageTranslateAuto',
];

const envelope = (name: string, data: unknown) => ({ protocol: PROTOCOL_TAG, name, data });

describe('dispatch', () => {
  it('answers extension pages, and no handler ever returns the key', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await setApiKey('openai', KEY);
    for (const name of Object.keys(payloads) as MessageName[]) {
      // These read or script a tab, which the fake browser cannot: tested end to end.
      const readsTab = [
        'inspectPage',
        'readSelection',
        'askPlan',
        'askShowCitation',
        'pageTranslate',
        'transcribeListMedia',
        'transcribeCaptions',
        'transcribePlayerCaptions',
        'transcribeSeek',
        // Needs a stored transcript: tests/unit/utils/transcribe/background/summary-estimate.test.ts.
        'transcriptSummaryEstimate',
      ].includes(name);
      if (name === 'saveApiKey' || readsTab || CONTENT_ONLY.includes(name)) continue;
      const reply = await dispatch(envelope(name, payloads[name]), pageSender, deps);
      expect(reply.ok, name).toBe(true);
      expect(JSON.stringify(reply), name).not.toContain(KEY.slice(3, 20));
    }
    expect(await dispatch(envelope('getKeyStatus', { provider: 'openai' }), pageSender, deps)).toEqual({
      ok: true,
      data: { hasKey: true, hint: '…MNOP' },
    });
  });

  it('lets content scripts ask only for page settings, which hold nothing secret', async () => {
    await setApiKey('openai', KEY);
    const allowed = await dispatch(envelope('getPageSettings', null), contentSender, deps);
    expect(allowed).toEqual({
      ok: true,
      data: {
        uiLanguage: 'auto',
        targetLanguage: 'auto',
        secondLanguage: 'en',
        translateButton: true,
        translateOffSites: [],
        translateInto: 'zh-CN',
        translateMaxChars: 50_000,
      },
    });
    for (const name of Object.keys(payloads) as MessageName[]) {
      if (CONTENT_ALLOWED.includes(name)) continue;
      const reply = await dispatch(envelope(name, payloads[name]), contentSender, deps);
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    // The refused saveApiKey did not replace the key.
    const status = await dispatch(envelope('getKeyStatus', { provider: 'openai' }), pageSender, deps);
    expect(status).toMatchObject({ data: { hint: '…MNOP' } });
  });

  it('lets only extension pages press "Spend anyway": a content script is refused whatever it sends', async () => {
    for (const data of [null, { from: 'popup' }, { url: `${ORIGIN}/options.html` }]) {
      const reply = await dispatch(envelope('overrideBudget', data), contentSender, deps);
      expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    expect(await budgetOverrideItem.getValue()).toBe(0);
    expect(await dispatch(envelope('overrideBudget', null), pageSender, deps)).toEqual({ ok: true, data: null });
    expect(await budgetOverrideItem.getValue()).toBeGreaterThan(Date.now());
  });

  it('refuses web pages, other extensions and senders without an id', async () => {
    const senders = [
      { url: 'https://evil.example/', tab: { id: 1 } as never },
      { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
      { id: 'another-extension', url: 'https://evil.example/', tab: { id: 1 } as never },
      { id: EXTENSION_ID },
      undefined,
    ];
    for (const sender of senders) {
      for (const name of Object.keys(payloads)) {
        const reply = await dispatch(envelope(name, payloads[name as MessageName]), sender, deps);
        expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
      }
    }
  });

  it('refuses unknown names, inherited names, malformed payloads and oversized messages', async () => {
    const cases = [
      envelope('getApiKey', null),
      envelope('toString', null),
      envelope('__proto__', null),
      { name: 'getPageSettings', data: null },
      envelope('getKeyStatus', { provider: 'not-a-provider' }),
      envelope('getKeyStatus', 'openai'),
      envelope('testConnection', { ...draft, baseURL: 42 }),
    ];
    for (const message of cases) {
      expect(await dispatch(message, pageSender, deps)).toMatchObject({ ok: false, error: { code: 'refused' } });
    }
    const huge = envelope('saveApiKey', { provider: 'openai', apiKey: 'x'.repeat(100_000) });
    expect(await dispatch(huge, pageSender, deps)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('reports a missing key and a host without permission as their own errors, in the user language', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const missing = await dispatch(envelope('testConnection', draft), pageSender, deps);
    expect(missing).toMatchObject({ ok: false, error: { code: 'missing_key', retryable: false } });

    await setApiKey('custom', KEY);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const custom = { provider: 'custom', baseURL: 'relay.example.cn', model: 'gpt-4o-mini' };
    await fakeBrowser.storage.local.set({ settings: { uiLanguage: 'zh-CN' } });
    const blocked = await dispatch(envelope('testConnection', custom), pageSender, deps);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'cors' } });
    expect(blocked.ok === false && blocked.error.message).toContain('relay.example.cn');
    expect(blocked.ok === false && blocked.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
