import { describe, expect, it } from 'vitest';
import { historyTurns, titleFrom } from '@/utils/chat/messages';
import type { ChatMessage } from '@/utils/chat/types';

const message = (role: ChatMessage['role'], content: string, status: ChatMessage['status'] = 'done'): ChatMessage => ({
  id: content,
  role,
  content,
  status,
  createdAt: 1,
});

describe('historyTurns', () => {
  it('resends questions and the answers the user saw, not failed or empty ones', () => {
    const turns = historyTurns([
      message('user', 'q1'),
      message('assistant', 'a1'),
      message('user', 'q2'),
      message('assistant', '', 'error'),
      message('user', 'q3'),
      message('assistant', 'half', 'stopped'),
      message('user', 'q4'),
      message('assistant', 'cut', 'interrupted'),
      message('user', 'q5'),
      message('assistant', 'old text', 'error'),
    ]);
    expect(turns.map((t) => t.content)).toEqual(['q1', 'a1', 'q2', 'q3', 'half', 'q4', 'cut', 'q5']);
    expect(turns[0]).toEqual({ role: 'user', content: 'q1' });
  });
});

describe('titleFrom', () => {
  it('makes one line of the first message, cut at a word', () => {
    expect(titleFrom('  What is\nthe capital   of France?  ')).toBe('What is the capital of France?');
    expect(titleFrom('word '.repeat(40))).toMatch(/^(word ){10,}word…$/);
    expect(Array.from(titleFrom('字'.repeat(200))).length).toBe(61);
    expect(titleFrom('x'.repeat(1_000_000)).length).toBe(61);
  });
});
