import { describe, expect, it } from 'vitest';
import { readBlocks, setAskInjector } from '@/utils/ask/background/page-blocks';
import { prepareAsk } from '@/utils/ask/background/plan';
import { putTurn } from '@/utils/ask/background/store';
import { DEFAULT_SETTINGS } from '@/utils/settings';

function page(markdown: string, selection = '') {
  return {
    ok: true,
    page: {
      url: 'https://a.example/plan',
      title: 'Plan',
      byline: '',
      lang: 'en',
      siteName: '',
      source: 'article',
      markdown,
      truncated: false,
      extractMs: 1,
      selection,
    },
  };
}

const longMarkdown = Array.from(
  { length: 400 },
  (_, i) => `Paragraph ${i + 1} about the harbour, its boats and the fish sold at the market every morning.`,
)
  .concat(['The lighthouse keeper painted the tower crimson in 1911.'])
  .join('\n\n');

describe('prepareAsk', () => {
  it('sends a short page whole and counts the whole request', async () => {
    setAskInjector(async () => page('# Otters\n\nOtters use stones.\n\n- They keep one for weeks.'));
    const prepared = await prepareAsk(await readBlocks(1), 'How long?', DEFAULT_SETTINGS);
    expect(prepared.view).toMatchObject({ sentCount: 3, total: 3, title: 'Plan', selection: '', needsConfirm: false });
    expect(prepared.view.promptTokens).toBeGreaterThan(prepared.view.pageTokens);
    expect(prepared.spec.turns[1]!.content).toContain('[3] - They keep one for weeks.');
  });

  it('keeps a long page within the ask budget, with the matching block, and quotes a selection', async () => {
    setAskInjector(async () => page(longMarkdown, 'the tower'));
    const settings = { ...DEFAULT_SETTINGS, askPageBudget: 1000 };
    const prepared = await prepareAsk(await readBlocks(2), 'What colour is the lighthouse?', settings);
    expect(prepared.view.total).toBe(401);
    expect(prepared.view.pageTokens).toBeLessThanOrEqual(1000);
    expect(prepared.selection.sent).toContain(401);
    expect(prepared.view.selection).toBe('the tower');
    expect(prepared.spec.turns.at(-1)!.content).toContain('<selection>\nthe tower\n</selection>');
  });

  it('asks first when the user wants every spend confirmed', async () => {
    setAskInjector(async () => page('Short page.'));
    const prepared = await prepareAsk(await readBlocks(3), 'Why?', { ...DEFAULT_SETTINGS, summaryConfirmAboveUsd: 0 });
    expect(prepared.view.needsConfirm).toBe(true);
  });

  it('ranks a follow-up with the question before it and keeps the passages the last answer cited', async () => {
    setAskInjector(async () => page(longMarkdown));
    const settings = { ...DEFAULT_SETTINGS, askPageBudget: 600 };
    await putTurn('https://a.example/plan', 'Plan', {
      id: 't1',
      question: 'What colour is the lighthouse?',
      answer: 'Crimson [401].',
      status: 'done',
      sent: [401],
      total: 401,
      tokens: 20,
      passages: [],
      createdAt: Date.now(),
    });
    const prepared = await prepareAsk(await readBlocks(4), 'And since when?', settings);
    expect(prepared.selection.sent).toContain(401);
    // The earlier turn goes with it, then the question.
    expect(prepared.spec.turns.slice(2).map((turn) => turn.content)).toEqual([
      'What colour is the lighthouse?',
      'Crimson [401].',
      'And since when?',
    ]);
  });
});
