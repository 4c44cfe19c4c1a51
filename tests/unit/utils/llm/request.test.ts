import { describe, expect, it } from 'vitest';
import { buildChatBody } from '@/utils/llm/request';
import { isReasoningModel } from '@/utils/llm/providers';

const turns = [{ role: 'user' as const, content: 'hi' }];

describe('buildChatBody', () => {
  it('asks for usage in the stream and turns off OpenAI obfuscation padding', () => {
    const body = buildChatBody({ model: 'gpt-4o-mini', turns, maxOutputTokens: 100, temperature: 0.3 }, 'openai');
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      messages: turns,
      stream: true,
      stream_options: { include_usage: true, include_obfuscation: false },
      max_completion_tokens: 100,
      temperature: 0.3,
    });
  });

  it('uses max_tokens for providers that only know it', () => {
    const body = buildChatBody({ model: 'deepseek-chat', turns, maxOutputTokens: 50 }, 'deepseek');
    expect(body.max_tokens).toBe(50);
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body.stream_options).toEqual({ include_usage: true });
  });

  it('gives reasoning models max_completion_tokens and no temperature, whatever the provider', () => {
    for (const provider of ['openai', 'custom', 'openrouter'] as const) {
      const body = buildChatBody({ model: 'o3-mini', turns, maxOutputTokens: 1, temperature: 0.2 }, provider);
      expect(body.max_completion_tokens).toBe(1);
      expect(body.max_tokens).toBeUndefined();
      expect(body.temperature).toBeUndefined();
    }
  });

  it('leaves the limit out when none is asked for', () => {
    const body = buildChatBody({ model: 'gpt-4o', turns }, 'openai');
    expect('max_completion_tokens' in body).toBe(false);
    expect('max_tokens' in body).toBe(false);
  });
});

describe('isReasoningModel', () => {
  it.each([
    ['o1', true],
    ['o3-mini', true],
    ['o4-mini-2025-04-16', true],
    ['gpt-5', true],
    ['gpt-5-mini', true],
    ['openai/gpt-5-nano', true],
    ['gpt-5-chat-latest', false],
    ['gpt-4o-mini', false],
    ['gpt-4.1', false],
    ['deepseek-chat', false],
    ['omni-moderation-latest', false],
  ])('%s → %s', (model, expected) => {
    expect(isReasoningModel(model)).toBe(expected);
  });
});
