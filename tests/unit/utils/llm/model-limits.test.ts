import { describe, expect, it } from 'vitest';
import { inputLimitFor, limitFor, UNKNOWN_MODEL_LIMIT } from '@/utils/llm/model-limits';

describe('model limits', () => {
  it.each([
    ['gpt-4o-mini', 128_000],
    ['gpt-4o-mini-2024-07-18', 128_000],
    ['gpt-4.1-nano', 1_047_576],
    ['gpt-4', 8_192],
    ['gpt-4-0613', 8_192],
    ['gpt-4-turbo-2024-04-09', 128_000],
    ['gpt-3.5-turbo', 16_385],
    ['o3-mini', 200_000],
    ['openai/gpt-5-mini', 400_000],
    ['gpt-5-chat-latest', 128_000],
    ['moonshot-v1-8k', 8_192],
    ['deepseek-chat', 128_000],
  ])('%s reads %i tokens', (model, context) => {
    expect(limitFor(model)).toMatchObject({ context, known: true });
  });

  it('assumes a common window for unknown models, and says so', () => {
    expect(limitFor('my-relay-model')).toEqual({ ...UNKNOWN_MODEL_LIMIT, known: false });
    expect(limitFor('gpt-4o-like-but-not')).toMatchObject({ known: true, context: 128_000 });
  });

  it('keeps room for the answer, more for reasoning models, and honours a separate input limit', () => {
    expect(inputLimitFor('gpt-4o-mini')).toBe(128_000 - 4_096);
    expect(inputLimitFor('o4-mini')).toBe(200_000 - 25_000);
    expect(inputLimitFor('gpt-5')).toBe(272_000);
    // Small windows keep at most a quarter for the answer.
    expect(inputLimitFor('gpt-4')).toBe(8_192 - 2_048);
  });
});
