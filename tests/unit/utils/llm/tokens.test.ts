import { describe, expect, it } from 'vitest';
import { encodingForModel, getTokenizer } from '@/utils/llm/tokens';

describe('tokens', () => {
  it('picks the model family encoding, exact only for OpenAI models', () => {
    expect(encodingForModel('gpt-4o-mini')).toEqual({ encoding: 'o200k_base', exact: true });
    expect(encodingForModel('gpt-5-nano')).toEqual({ encoding: 'o200k_base', exact: true });
    expect(encodingForModel('o3-mini')).toEqual({ encoding: 'o200k_base', exact: true });
    expect(encodingForModel('openai/gpt-4.1')).toEqual({ encoding: 'o200k_base', exact: true });
    expect(encodingForModel('gpt-3.5-turbo')).toEqual({ encoding: 'cl100k_base', exact: true });
    expect(encodingForModel('gpt-4-0613')).toEqual({ encoding: 'cl100k_base', exact: true });
    expect(encodingForModel('deepseek-chat')).toEqual({ encoding: 'o200k_base', exact: false });
    expect(encodingForModel('qwen-plus')).toEqual({ encoding: 'o200k_base', exact: false });
  });

  it('counts with the right encoding', async () => {
    const o200k = await getTokenizer('gpt-4o');
    const cl100k = await getTokenizer('gpt-3.5-turbo');
    expect(o200k.count('hello world')).toBe(2);
    expect(cl100k.count('hello world')).toBe(2);
    // o200k_base was built with far more non-English text: Chinese costs clearly fewer tokens there.
    const chinese = '浏览器扩展可以帮助你总结网页内容，并把选中的文字翻译成其他语言。';
    expect(o200k.count(chinese)).toBeLessThan(cl100k.count(chinese) * 0.8);
    expect(o200k.count('')).toBe(0);
  });

  it('counts special-token look-alikes in page text as plain text instead of failing', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    expect(tokenizer.count('before <|endoftext|> after')).toBeGreaterThan(5);
  });

  it('counts a chat the way OpenAI bills it: 3 per message + role + content, + 3 priming', async () => {
    const tokenizer = await getTokenizer('gpt-4o-mini');
    const turns = [
      { role: 'system' as const, content: 'You are a helpful assistant.' },
      { role: 'user' as const, content: 'hello world' },
    ];
    const expected = 3 + (3 + tokenizer.count('system') + tokenizer.count(turns[0]!.content)) + (3 + 1 + 2);
    expect(tokenizer.countChat(turns)).toBe(expected);
  });
});
