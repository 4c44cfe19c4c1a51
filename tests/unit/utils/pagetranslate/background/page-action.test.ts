import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActionContext } from '@/utils/background/action';
import { callsSince } from '@/utils/llm/background/ledger';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { translatePageAction } from '@/utils/pagetranslate/background/page-action';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { requestParts, translator } from '@/tests/e2e/page-translate-helpers';

const fixture = useFakeServer();

async function translatePage(raw: unknown, overrides: Partial<Settings> = {}) {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await setApiKey('custom', fixture.server.apiKey);
  const settings = {
    ...DEFAULT_SETTINGS,
    provider: 'custom',
    baseURL: fixture.server.baseURL,
    model: 'gpt-4o-mini',
    ...overrides,
  } as Settings;
  const deltas: { text: string; segment?: string }[] = [];
  const ctx: ActionContext = {
    jobId: 'job',
    signal: new AbortController().signal,
    settings,
    locale: 'en',
    deps: {},
    delta: (text, segment) => deltas.push({ text, segment }),
    progress: () => {},
    usage: () => {},
  };
  await translatePageAction.run(translatePageAction.parse(raw, settings), ctx);
  const bySegment = (id: string) =>
    deltas
      .filter((delta) => delta.segment === id)
      .map((delta) => delta.text)
      .join('');
  return { deltas, bySegment };
}

const chatRequests = () => fixture.server.requests.filter((request) => request.path === '/v1/chat/completions');
const segments = (texts: string[]) => texts.map((text, index) => ({ id: `p${index + 1}`, text }));

describe('page translation action', () => {
  it('sends several paragraphs in one marked request and streams each under its id, recorded as "Page translation"', async () => {
    fixture.server.setDefault(translator());
    const result = await translatePage({ segments: segments(['One fish.', 'Two fish.', 'Red fish.']), target: 'zh-CN' });
    expect(chatRequests()).toHaveLength(1);
    expect(requestParts(chatRequests()[0]!.body as Record<string, unknown>)).toEqual(['One fish.', 'Two fish.', 'Red fish.']);
    expect(result.bySegment('p1')).toBe('译文：One fish.');
    expect(result.bySegment('p3')).toBe('译文：Red fish.');
    const calls = await callsSince(0);
    expect(calls.map((call) => call.feature)).toEqual(['pageTranslate']);
    expect(fixture.server.validationErrors).toEqual([]);
  });

  it('asks again, alone, for a paragraph the model dropped', async () => {
    fixture.server.enqueue(translator({ drop: [2] }));
    fixture.server.setDefault(translator());
    const result = await translatePage({ segments: segments(['Alpha words.', 'Beta words.', 'Gamma words.']), target: 'zh-CN' });
    expect(chatRequests()).toHaveLength(2);
    expect(requestParts(chatRequests()[1]!.body as Record<string, unknown>)).toEqual(['Beta words.']);
    expect(result.bySegment('p2')).toBe('译文：Beta words.');
    expect(result.bySegment('p3')).toBe('译文：Gamma words.');
  });

  it('serves paragraphs seen before from the cache (same text, target and model) without a request', async () => {
    fixture.server.setDefault(translator());
    await translatePage({ segments: segments(['Cached one.', 'Cached two.']), target: 'zh-CN' });
    expect(chatRequests()).toHaveLength(1);
    const again = await translatePage({ segments: segments(['Cached two.', 'New three.']), target: 'zh-CN' });
    expect(chatRequests()).toHaveLength(2);
    expect(requestParts(chatRequests()[1]!.body as Record<string, unknown>)).toEqual(['New three.']);
    expect(again.bySegment('p1')).toBe('译文：Cached two.');
    // Another model or target is another translation.
    await translatePage({ segments: segments(['Cached one.']), target: 'ja' });
    await translatePage({ segments: segments(['Cached one.']), target: 'zh-CN' }, { model: 'gpt-4.1-mini' });
    expect(chatRequests()).toHaveLength(4);
  });

  it('never shows reasoning text', async () => {
    fixture.server.enqueue({ kind: 'text', text: '<think>Let me think about fish.</think>[[1]]\n一条鱼。\n\n[[2]]\n两条鱼。' });
    const result = await translatePage({ segments: segments(['One fish.', 'Two fish.']), target: 'zh-CN' });
    expect(result.bySegment('p1')).toBe('一条鱼。');
    expect(result.deltas.map((delta) => delta.text).join('')).not.toContain('think');
  });

  it('refuses malformed batches', () => {
    expect(() => translatePageAction.parse({ segments: [], target: 'zh-CN' }, DEFAULT_SETTINGS)).toThrow();
    expect(() => translatePageAction.parse({ segments: segments(['a']), target: 'xx' }, DEFAULT_SETTINGS)).toThrow();
    const repeated = [
      { id: 'p1', text: 'a' },
      { id: 'p1', text: 'b' },
    ];
    expect(() => translatePageAction.parse({ segments: repeated, target: 'zh-CN' }, DEFAULT_SETTINGS)).toThrow();
  });
});
