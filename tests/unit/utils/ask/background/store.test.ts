import { describe, expect, it } from 'vitest';
import { getConversation, listConversations, putTurn, startNewChat } from '@/utils/ask/background/store';
import { currentTurns } from '@/utils/ask/types';
import { passagesOf } from '@/utils/ask/background/page-blocks';
import { splitBlocks } from '@/utils/ask/blocks';
import type { PageTurn } from '@/utils/ask/types';

const turn = (id: string, answer: string): PageTurn => ({
  id,
  question: `q ${id}`,
  answer,
  status: 'done',
  sent: [1, 2],
  total: 2,
  tokens: 10,
  passages: [{ n: 1, text: 'One', nth: 0 }],
  createdAt: 1,
});

describe('page conversations', { timeout: 30_000 }, () => {
  it('keeps turns per page address (without #fragment), replaces a turn by id, and starts a new chat', async () => {
    await putTurn('https://a.example/p#one', 'P', turn('t1', 'first [1]'), 10);
    await putTurn('https://a.example/p#two', 'P', turn('t2', 'second'), 20);
    await putTurn('https://a.example/p', 'P', turn('t2', 'second, final'), 30);
    const stored = await getConversation('https://a.example/p');
    expect(stored?.turns.map((t) => [t.id, t.answer])).toEqual([
      ['t1', 'first [1]'],
      ['t2', 'second, final'],
    ]);
    expect(stored!.turns[0]!.passages).toEqual([{ n: 1, text: 'One', nth: 0 }]);
    expect((await listConversations()).map((c) => c.url)).toContain('https://a.example/p');
    // New chat: the panel starts empty, the turns stay stored for history and export.
    await startNewChat('https://a.example/p#x', 40);
    const after = await getConversation('https://a.example/p');
    expect(after!.turns).toHaveLength(2);
    expect(currentTurns(after)).toEqual([]);
    await putTurn('https://a.example/p', 'P', { ...turn('t3', 'third'), createdAt: 50 }, 50);
    expect(currentTurns(await getConversation('https://a.example/p')).map((t) => t.id)).toEqual(['t3']);
  });

  it('keeps with each sent block which occurrence of its text it is', () => {
    const blocks = splitBlocks('Reply\n\nSomething\n\nReply!');
    expect(passagesOf(blocks, [3])).toEqual([{ n: 3, text: 'Reply!', nth: 1, before: 'Something' }]);
  });
});
