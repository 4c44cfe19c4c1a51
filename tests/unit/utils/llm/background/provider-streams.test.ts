import { describe, expect, it } from 'vitest';
import { streamChatCompletion, type CompletionOptions } from '@/utils/llm/background/completion-stream';
import { createClient, type Connection } from '@/utils/llm/background/client';
import { usageOf } from '@/utils/llm/background/call-usage';
import { buildChatBody } from '@/utils/llm/request';
import { errorMessage, type AppError } from '@/utils/errors';
import { providerScenario } from '@/tests/fake-server';
import { serverConnection, useFakeServer } from '@/tests/fake-server/test-helpers';

// Each provider recording (tests/fixtures/providers/) through the real stream path.
const fixture = useFakeServer();

function connection(): Connection {
  return serverConnection(fixture.server, { provider: 'custom' });
}

async function replay(file: string, options: Partial<CompletionOptions> = {}) {
  fixture.server.enqueue(providerScenario(file));
  const conn = connection();
  const body = buildChatBody({ model: 'gpt-4o-mini', turns: [{ role: 'user', content: 'Hello' }] }, conn.provider);
  const deltas: string[] = [];
  const reasoning: string[] = [];
  try {
    const result = await streamChatCompletion(
      createClient(conn),
      body,
      { host: conn.host, model: 'gpt-4o-mini' },
      {
        signal: new AbortController().signal,
        onDelta: (text) => deltas.push(text),
        onReasoning: (text) => reasoning.push(text),
        onRetry: () => {},
        ...options,
      },
    );
    return { result, shown: deltas.join(''), reasoning: reasoning.join(''), usage: await usageOf(body, result) };
  } catch (error) {
    return { error: error as AppError, shown: deltas.join(''), reasoning: reasoning.join('') };
  }
}

describe('reasoning is never shown as the answer', () => {
  it('DeepSeek reasoning_content', async () => {
    const { result, shown, reasoning, usage } = await replay('deepseek-reasoner-stream.sse');
    expect(shown).toBe('Hello there! 😊 How can I help you today?');
    expect(result?.text).toBe(shown);
    expect(reasoning).toMatch(/^Hmm, the user just said "Hello"/);
    expect(usage).toMatchObject({ promptTokens: 6, completionTokens: 212, reasoningTokens: 198, estimated: false });
  });

  it('OpenRouter reasoning, with SSE comment lines before and in the middle of the stream', async () => {
    const { result, shown, reasoning, usage } = await replay('openrouter-stream-processing-comments.sse');
    expect(shown).toBe('2 + 2 = 4');
    expect(reasoning).toMatch(/^This is a simple arithmetic question\./);
    expect(result?.finishReason).toBe('stop');
    // The usage chunk comes after the finish chunk, with a non-empty choices[].
    expect(usage).toMatchObject({ promptTokens: 43, completionTokens: 36, estimated: false });
  });

  it('inline <think>...</think> at the start of the content, tags split across chunks (synthetic)', async () => {
    const { shown, reasoning } = await replay('r1-inline-think-stream.synthetic.sse');
    expect(shown).toBe('2 + 2 = 4.');
    expect(reasoning).toBe('\nThe user asks for 2+2. That is 4.\n');
  });

  it('Ollama non-stream body: message.reasoning stays out of the answer', async () => {
    const { shown, usage } = await replay('ollama-v1-chat-nonstream-reasoning.json');
    expect(shown).toBe('{ "city": "Paris", "country": "France" }');
    expect(usage).toMatchObject({ promptTokens: 136, completionTokens: 15, estimated: false });
  });
});

describe('usage wherever the provider puts it: the last one, never a sum', () => {
  it('Groq: in the finish chunk and again in its own chunk', async () => {
    const { shown, usage } = await replay('groq-kimi-k2-stream.sse');
    expect(shown).toBe('Olá!');
    expect(usage).toMatchObject({ promptTokens: 20, completionTokens: 4, estimated: false });
  });

  it('Moonshot: inside choices[0].usage (synthetic)', async () => {
    const { shown, usage } = await replay('moonshot-stream-choice-usage.synthetic.sse');
    expect(shown).toBe('Hello from Kimi.');
    expect(usage).toMatchObject({ promptTokens: 19, completionTokens: 5, estimated: false, model: 'kimi-k2-0905-preview' });
  });

  it('Together: on the finish chunk, finish reason "eos" is a normal stop', async () => {
    const { result, shown, usage } = await replay('together-stream.sse');
    expect(shown).toBe('2');
    expect(result?.finishReason).toBe('stop');
    expect(usage).toMatchObject({ promptTokens: 48, completionTokens: 2, estimated: false });
  });
});

describe('stream framing', () => {
  it("Azure: the first chunk's choices: [] (prompt filter results) and the usage chunk's are skipped", async () => {
    const { result, shown, usage } = await replay('azure-stream-content-filter.sse');
    expect(shown).toMatch(/^Once upon a time in a quaint little village/);
    expect(shown).toMatch(/discover the enchanting world outside\.$/);
    expect(shown).toHaveLength(3997);
    expect(result?.model).toBe('gpt-4o-mini-2024-07-18');
    expect(usage).toMatchObject({ promptTokens: 14, completionTokens: 853, estimated: false });
  });

  it('TGI: data: without a space, no [DONE], "eos_token", and the leaked </s> dropped', async () => {
    const { result, shown } = await replay('hf-tgi-stream-data-no-space.sse');
    expect(shown).toBe(' The answer to the equation 1 + 1 is 2.');
    expect(result?.finishReason).toBe('stop');
  });

  it('a malformed line is skipped and the rest of the stream kept (synthetic)', async () => {
    const { result, shown } = await replay('malformed-line-stream.synthetic.sse');
    expect(shown).toBe('Kept despite a bad line.');
    expect(result?.finishReason).toBe('stop');
  });

  it('an answer that is only a tool call says so instead of showing nothing (synthetic)', async () => {
    const { error, shown } = await replay('tool-call-only-stream.synthetic.sse');
    expect(shown).toBe('');
    expect(error?.code).toBe('tool_call_only');
    expect(errorMessage(error!, 'en')).toMatch(/only with a tool call.*web_search/);
    expect(fixture.server.requests).toHaveLength(1);
  });
});

describe('errors inside a 200 stream are typed and not retried', () => {
  it('Groq event: error with status_code 400 (synthetic)', async () => {
    const { error } = await replay('groq-stream-event-error.synthetic.sse');
    expect(error?.code).toBe('bad_request');
    expect(errorMessage(error!, 'en')).toContain('Failed to generate JSON');
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('OpenRouter error: {code: 400} in a data chunk (synthetic)', async () => {
    const { error } = await replay('openrouter-stream-error-400.synthetic.sse');
    expect(error?.code).toBe('bad_request');
    expect(error?.retryable).toBe(false);
    expect(errorMessage(error!, 'en')).toContain('prompt is too long for this provider');
    expect(fixture.server.requests).toHaveLength(1);
  });
});

describe('error bodies: the provider message kept, the right code', () => {
  const cases: [string, string, RegExp | null][] = [
    ['deepseek-error-402-insufficient-balance.json', 'quota_exceeded', null],
    ['siliconflow-error-402-insufficient-balance.json', 'quota_exceeded', null],
    ['zai-error-429-1113.synthetic.json', 'quota_exceeded', null],
    ['dashscope-error-400-arrearage.synthetic.json', 'quota_exceeded', null],
    ['hyperbolic-error-400-object-error.json', 'bad_request', /\(Only Qwen\/Qwen2\.5-72B-Instruct && /],
    ['newapi-error-503-no-channel.json', 'relay_no_channel', /无可用渠道/],
    ['newapi-error-403-channel-disabled.synthetic.json', 'relay_no_channel', /渠道已被禁用/],
    ['openrouter-error-429-upstream.json', 'rate_limited', null],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const { error } = await replay(file, { retries: 0 });
      expect(error?.code).toBe(code);
      if (message) expect(errorMessage(error!, 'en')).toMatch(message);
      expect(fixture.server.requests).toHaveLength(1);
    });
  }

  it('SiliconFlow unwrapped body keeps its message as the detail', async () => {
    const { error } = await replay('siliconflow-error-402-insufficient-balance.json');
    expect(error?.detail).toBe('Sorry, your account balance is insufficient');
  });

  it('a plain-text error body keeps its words', async () => {
    fixture.server.enqueue({ kind: 'error', status: 400, body: 'model field is required', contentType: 'text/plain' });
    const conn = connection();
    const body = buildChatBody({ model: 'gpt-4o-mini', turns: [{ role: 'user', content: 'Hi' }] }, conn.provider);
    const error = await streamChatCompletion(
      createClient(conn),
      body,
      { host: conn.host },
      {
        signal: new AbortController().signal,
        onDelta: () => {},
      },
    ).catch((failure: AppError) => failure);
    expect(errorMessage(error as AppError, 'en')).toContain('model field is required');
  });
});
