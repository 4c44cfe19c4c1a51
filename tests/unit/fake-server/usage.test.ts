import { describe, expect, it } from 'vitest';
import { countPromptTokens, countTextTokens, encodingFor, splitIntoChunks } from '@/tests/fake-server';
import { buildUsage } from '@/tests/fake-server/usage';

describe('token counting', () => {
  it('picks the tokenizer by model', () => {
    expect(encodingFor('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(encodingFor('gpt-4')).toBe('cl100k_base');
    expect(encodingFor('gpt-4-turbo')).toBe('cl100k_base');
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-mini', 'gpt-5-mini', 'o3-mini']) {
      expect(encodingFor(model)).toBe('o200k_base');
    }
  });

  it('matches the prompt_tokens of real recordings', () => {
    // dd-trace-py/chat-stream-include-usage-true-2025: gpt-3.5-turbo, usage.prompt_tokens 13
    expect(countPromptTokens([{ role: 'user', content: 'Hey, what is up?' }], 'gpt-3.5-turbo')).toBe(13);
    // pydantic-ai/chat-stream-include-usage-simple-gpt4o: gpt-4o, prompt 14, completion 8
    expect(countPromptTokens([{ role: 'user', content: 'What is the capital of Mexico?' }], 'gpt-4o')).toBe(14);
    expect(countTextTokens('The capital of Mexico is Mexico City.', 'gpt-4o')).toBe(8);
  });

  it('counts text parts of array content and names', () => {
    const asString = countPromptTokens([{ role: 'user', content: 'Hello world' }], 'gpt-4o');
    const asParts = countPromptTokens([{ role: 'user', content: [{ type: 'text', text: 'Hello world' }] }], 'gpt-4o');
    expect(asParts).toBe(asString);
    const named = countPromptTokens([{ role: 'user', content: 'Hello world', name: 'ann' }], 'gpt-4o');
    expect(named).toBe(asString + 1 + countTextTokens('ann', 'gpt-4o'));
  });

  it('builds usage with details and applies overrides', () => {
    expect(buildUsage(10, 5)).toEqual({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });
    const forced = buildUsage(10, 5, {
      prompt_tokens: 1420,
      completion_tokens: 100,
      prompt_tokens_details: { cached_tokens: 1280 },
    });
    expect(forced).toMatchObject({ prompt_tokens: 1420, completion_tokens: 100, total_tokens: 1520 });
    expect(forced.prompt_tokens_details).toEqual({ cached_tokens: 1280, audio_tokens: 0 });
  });
});

describe('splitIntoChunks', () => {
  it('keeps the text and respects the size', () => {
    const text = 'Readability extracts the article, then Glance measures it in tokens.';
    const chunks = splitIntoChunks(text, 4);
    expect(chunks.join('')).toBe(text);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(4);
  });

  it('never splits a code point', () => {
    const text = '页面摘要 🙂🙂🙂 done';
    const chunks = splitIntoChunks(text, 2);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk.isWellFormed()).toBe(true);
    expect(chunks).toContain('🙂🙂');
  });

  it('handles empty text and whitespace', () => {
    expect(splitIntoChunks('', 4)).toEqual([]);
    expect(splitIntoChunks('a\n\nb', 4).join('')).toBe('a\n\nb');
  });
});
