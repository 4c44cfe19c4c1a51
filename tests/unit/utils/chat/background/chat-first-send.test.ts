import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actions } from '@/entrypoints/background/features';
import { JobManager } from '@/entrypoints/background/jobs';
import { byteBound } from '@/utils/chat/background/counter';
import { setApiKey } from '@/utils/llm/background/secret-store';
import { getTokenizer, setRanksLoader } from '@/utils/llm/tokens';
import type { ChatInput } from '@/utils/chat/types';
import type { StreamEvent } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { createFakePort } from '@/tests/unit/helpers/ports';
import { packageRanks } from '@/tests/unit/setup/tokenizer';

// A worker that has just woken has no tokenizer yet: a first message must not wait for its ranks.
const fixture = useFakeServer();

/** Ranks that load only when the test lets them. */
function gatedRanks(): { release(): void; asked: () => number } {
  let asked = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  setRanksLoader(async (encoding) => {
    asked += 1;
    await gate;
    return packageRanks(encoding);
  });
  return { release: () => open(), asked: () => asked };
}

beforeEach(async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ provider: 'custom', baseURL: fixture.server.baseURL, model: 'gpt-4o-mini', chatSystemPrompt: '' });
  await setApiKey('custom', fixture.server.apiKey);
});
afterEach(() => setRanksLoader(packageRanks));

const chatCalls = () => fixture.server.requests.filter((request) => request.path.endsWith('/chat/completions'));

function send(conversationId: string, id: string, text: string): () => StreamEvent[] {
  fixture.server.enqueue({ kind: 'text', text: `Answer to ${text}` });
  const input: ChatInput = { op: 'send', conversationId, messageId: `q${id}`, answerId: `a${id}`, text, model: 'gpt-4o-mini' };
  const port = createFakePort();
  new JobManager({ actions, getSettings, localeOf: () => 'en' }).connect(port, 'extension-page');
  port.send({ type: 'start', action: 'chat', input });
  return () => port.received as StreamEvent[];
}

const finished = (events: () => StreamEvent[]) =>
  vi.waitFor(() => expect(events().some((e) => e.type === 'done' || e.type === 'error')).toBe(true), { timeout: 5000 });

describe('the first message after the worker wakes', () => {
  it('never counts below the tokenizer', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    for (const content of ['Hello', '你好，世界', 'const x = 1;\n'.repeat(50), '🙂 émoji ünïcode']) {
      const turns = [{ role: 'user' as const, content }];
      expect(byteBound.countChat(turns)).toBeGreaterThanOrEqual(tokenizer.countChat(turns));
    }
  });

  it('is sent before the tokenizer has loaded when the whole conversation fits', async () => {
    const ranks = gatedRanks();
    const events = send('short', '1', 'Hello');
    await vi.waitFor(() => expect(chatCalls()).toHaveLength(1), { timeout: 5000 });
    await finished(events);
    expect(events().some((e) => e.type === 'done')).toBe(true);
    ranks.release();
  });

  it('waits for exact counts when the history budget has to choose what to resend', async () => {
    await finished(send('long', '1', 'First question about the harbour'));
    await updateSettings({ chatHistoryBudget: 12 });
    const ranks = gatedRanks();
    const events = send('long', '2', 'Second question');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(chatCalls()).toHaveLength(1);
    expect(ranks.asked()).toBe(1);
    ranks.release();
    await finished(events);
    expect(chatCalls()).toHaveLength(2);
  });
});
