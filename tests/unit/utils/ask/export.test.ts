import { describe, expect, it } from 'vitest';
import { conversationsToMarkdown } from '@/utils/ask/export';

describe('conversationsToMarkdown', () => {
  it('writes each question and answer with the passages it cites, quoted', () => {
    const markdown = conversationsToMarkdown([
      {
        url: 'https://a.example/otters',
        title: 'Otters',
        updatedAt: 1,
        turns: [
          {
            id: 't1',
            question: 'How long?',
            answer: 'For weeks [2]. Maybe [9].',
            status: 'done',
            sent: [1, 2],
            total: 5,
            tokens: 40,
            passages: [
              { n: 1, text: 'Not cited.', nth: 0 },
              { n: 2, text: 'Otters keep a stone for weeks.', nth: 0 },
            ],
            createdAt: 1,
          },
        ],
      },
    ]);
    expect(markdown).toBe(
      '# Otters\n\n<https://a.example/otters>\n\n## How long?\n\nFor weeks [2]. Maybe [9].\n\n> [2] Otters keep a stone for weeks.\n',
    );
  });
});
