import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actions } from '@/entrypoints/background/features';
import { getConversation } from '@/utils/chat/background/conversations';
import { JobManager } from '@/entrypoints/background/jobs';
import { setApiKey } from '@/utils/llm/background/secret-store';
import type { ChatInput } from '@/utils/chat/types';
import type { StreamEvent } from '@/utils/protocol';
import { getSettings, updateSettings } from '@/utils/settings';
import { providerScenario } from '@/tests/fake-server';
import { useFakeServer } from '@/tests/fake-server/test-helpers';
import { createFakePort } from '@/tests/unit/helpers/ports';

// A reasoning model's reasoning: never the answer; kept under it only when the setting is on.
const fixture = useFakeServer();

beforeEach(async () => {
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  await updateSettings({ provider: 'custom', baseURL: fixture.server.baseURL, model: 'gpt-4o-mini' });
  await setApiKey('custom', fixture.server.apiKey);
});

let counter = 0;
async function ask(): Promise<{ content: string; reasoning?: string; deltas: string }> {
  counter += 1;
  fixture.server.enqueue(providerScenario('deepseek-reasoner-stream.sse'));
  const input: ChatInput = {
    op: 'send',
    conversationId: `c${counter}`,
    messageId: `q${counter}`,
    answerId: `a${counter}`,
    text: 'Hello',
    model: 'gpt-4o-mini',
  };
  const port = createFakePort();
  new JobManager({ actions, getSettings, localeOf: () => 'en' }).connect(port, 'extension-page');
  port.send({ type: 'start', action: 'chat', input });
  const events = () => port.received as StreamEvent[];
  await vi.waitFor(() => expect(events().some((e) => e.type === 'done' || e.type === 'error')).toBe(true), { timeout: 5000 });
  const deltas = events()
    .map((e) => (e.type === 'delta' ? e.text : ''))
    .join('');
  const answer = (await getConversation(input.conversationId))!.messages[1]!;
  return { content: answer.content, reasoning: answer.reasoning, deltas };
}

describe('chat answers from a reasoning model', () => {
  it('off (the default): the reasoning is neither streamed, stored nor shown', async () => {
    const { content, reasoning, deltas } = await ask();
    expect(content).toBe('Hello there! 😊 How can I help you today?');
    expect(deltas).toBe(content);
    expect(reasoning).toBeUndefined();
  });

  it('on: the reasoning is stored with the answer, apart from it', async () => {
    await updateSettings({ showReasoning: true });
    const { content, reasoning } = await ask();
    expect(content).toBe('Hello there! 😊 How can I help you today?');
    expect(reasoning).toMatch(/^Hmm, the user just said "Hello"/);
  });
});
