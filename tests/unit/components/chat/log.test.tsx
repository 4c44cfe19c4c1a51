// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ChatLog } from '@/components/chat/log';
import { ChatMessageView, type ChatMessageActions } from '@/components/chat/message';
import type { ChatMessage } from '@/utils/chat/types';
import { setLocale } from '@/utils/i18n';
import { LiveText } from '@/utils/live-text';

setLocale('en');

const vectors = JSON.parse(readFileSync('tests/fixtures/xss/vectors.json', 'utf8')) as { title: string; payload: string }[];

const actions = (): ChatMessageActions => ({
  onCopy: vi.fn(),
  onCopyCode: vi.fn(),
  onRegenerate: vi.fn(),
  onOverride: vi.fn(),
  onOpenSettings: vi.fn(),
  onConnect: vi.fn(),
});
const user = (id: string, content: string): ChatMessage => ({ id, role: 'user', content, status: 'done', createdAt: 1 });
const answer = (id: string, content: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  role: 'assistant',
  content,
  status: 'done',
  createdAt: 2,
  ...extra,
});
const usage = {
  model: 'gpt-4o-mini',
  promptTokens: 40,
  completionTokens: 9,
  cachedTokens: 0,
  reasoningTokens: 0,
  estimated: false,
  costUsd: 0.000012,
};

function show(messages: ChatMessage[], streamingId: string | null = null, handlers = actions()) {
  const view = render(<ChatLog messages={messages} streamingId={streamingId} cnyPerUsd={0} actions={handlers} />);
  return {
    ...view,
    handlers,
    rerenderWith: (next: ChatMessage[], nextStreaming: string | null = null) =>
      view.rerender(<ChatLog messages={next} streamingId={nextStreaming} cnyPerUsd={0} actions={handlers} />),
  };
}

const answers = () => screen.getAllByRole('article', { name: 'Assistant' });

describe('ChatLog', () => {
  it('is a log named Conversation, with questions as text and answers as Markdown, usage under each answer', () => {
    show([user('q1', 'What is **bold**?'), answer('a1', 'It is **bold**.', { usage })]);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByRole('article', { name: 'You' }).textContent).toBe('What is **bold**?');
    expect(answers()[0]!.querySelector('strong')?.textContent).toBe('bold');
    expect(within(answers()[0]!).getByLabelText('Usage of this answer').textContent).toBe('40 tokens in · 9 out · $0.000012');
  });

  it("folds a kept reasoning under its answer, labelled, never as the answer's text", () => {
    show([user('q1', 'Hi'), answer('a1', 'Hello.', { reasoning: 'The user greets me.' })]);
    const details = answers()[0]!.querySelector('details.chat-reasoning')!;
    expect(details.hasAttribute('open')).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Reasoning');
    expect(details.querySelector('p')!.textContent).toBe('The user greets me.');
    expect(answers()[0]!.querySelector('p')!.textContent?.trim()).toBe('Hello.');
  });

  it('offers Copy on every answer and Regenerate on the last one only; Copy gives the Markdown source', () => {
    const { handlers } = show([user('q1', 'a'), answer('a1', 'First **one**'), user('q2', 'b'), answer('a2', 'Second')]);
    expect(within(answers()[0]!).queryByRole('button', { name: 'Regenerate' })).toBeNull();
    fireEvent.click(within(answers()[0]!).getByRole('button', { name: 'Copy' }));
    expect(handlers.onCopy).toHaveBeenCalledWith('First **one**');
    fireEvent.click(within(answers()[1]!).getByRole('button', { name: 'Regenerate' }));
    expect(handlers.onRegenerate).toHaveBeenCalledWith('a2');
  });

  it('marks a stopped answer, and an interrupted one with its error and Retry', () => {
    const interrupted = {
      code: 'interrupted' as const,
      message: 'The connection closed before the answer finished.',
      retryable: true,
    };
    const { handlers, rerenderWith } = show([user('q1', 'a'), answer('a1', 'Partial', { status: 'stopped' })]);
    expect(within(answers()[0]!).getByText('Stopped')).toBeTruthy();
    expect(within(answers()[0]!).queryByRole('alert')).toBeNull();

    rerenderWith([user('q1', 'a'), answer('a1', 'Partial', { status: 'interrupted', error: interrupted })]);
    const last = answers()[0]!;
    expect(within(last).getByText('Interrupted')).toBeTruthy();
    expect(within(last).getByRole('alert').textContent).toContain('The connection closed');
    expect(within(last).getByText('Partial')).toBeTruthy();
    // Retry stands in for Regenerate, not next to it.
    expect(within(last).queryByRole('button', { name: 'Regenerate' })).toBeNull();
    fireEvent.click(within(last).getByRole('button', { name: 'Retry' }));
    expect(handlers.onRegenerate).toHaveBeenCalledWith('a1');
  });

  it('offers "Spend anyway" when the budget held the answer, and the settings for a bad key', () => {
    const budget = { code: 'budget_exceeded' as const, message: 'Over budget.', retryable: false };
    const { handlers, rerenderWith } = show([user('q1', 'a'), answer('a1', '', { status: 'error', error: budget })]);
    fireEvent.click(screen.getByRole('button', { name: 'Spend anyway' }));
    expect(handlers.onOverride).toHaveBeenCalledWith('a1');
    rerenderWith([
      user('q1', 'a'),
      answer('a1', '', { status: 'error', error: { code: 'invalid_key', message: 'Bad key.', retryable: false } }),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(handlers.onOpenSettings).toHaveBeenCalled();
    // Nothing to copy in an answer that never came, and no Regenerate: asking again cannot help.
    expect(within(answers()[0]!).queryByRole('button', { name: 'Copy' })).toBeNull();
    expect(within(answers()[0]!).queryByRole('button', { name: 'Regenerate' })).toBeNull();
    expect(within(answers()[0]!).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('offers "Connect your API key" for an answer that failed for want of a key, not the settings or Regenerate', () => {
    const missing = { code: 'missing_key' as const, message: 'No API key is set yet.', retryable: false };
    const { handlers } = show([user('q1', 'a'), answer('a1', '', { status: 'error', error: missing })]);
    const last = answers()[0]!;
    expect(within(last).queryByRole('button', { name: 'Regenerate' })).toBeNull();
    expect(within(last).queryByRole('button', { name: 'Open settings' })).toBeNull();
    fireEvent.click(within(last).getByRole('button', { name: 'Connect your API key' }));
    expect(handlers.onConnect).toHaveBeenCalledOnce();
  });

  it('offers Regenerate again once a later answer succeeds', () => {
    const failed = { code: 'invalid_key' as const, message: 'Bad key.', retryable: false };
    show([user('q1', 'a'), answer('a1', '', { status: 'error', error: failed }), user('q2', 'b'), answer('a2', 'Fine')]);
    expect(within(answers()[1]!).getByRole('button', { name: 'Regenerate' })).toBeTruthy();
  });

  it('while an answer streams: a waiting line, no actions, and the log is busy', () => {
    const { rerenderWith } = show([user('q1', 'a'), answer('a1', '', { status: 'streaming' })], 'a1');
    expect(screen.getByRole('log').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Waiting for the answer…')).toBeTruthy();
    expect(within(answers()[0]!).queryByRole('button')).toBeNull();
    rerenderWith([user('q1', 'a'), answer('a1', 'Arriving', { status: 'streaming' })], 'a1');
    expect(screen.queryByText('Waiting for the answer…')).toBeNull();
    expect(answers()[0]!.textContent).toContain('Arriving');
  });

  it('streams into the last answer without re-rendering the messages above it', () => {
    const history = [user('q1', 'first'), answer('a1', '# Old answer\n\nwith text'), user('q2', 'second')];
    let streaming = answer('a2', '', { status: 'streaming' });
    const { rerenderWith } = show([...history, streaming], 'a2');
    const render = vi.spyOn(ChatMessageView.prototype, 'render');
    for (const word of 'one two three four five six'.split(' ')) {
      streaming = { ...streaming, content: `${streaming.content} ${word}` };
      rerenderWith([...history, streaming], 'a2');
    }
    expect(render.mock.contexts.map((view) => (view as ChatMessageView).props.message.id)).toEqual(Array(6).fill('a2'));
    expect(answers()[1]!.textContent).toContain('one two three four five six');
  });

  it('shows a live answer chunk by chunk without rendering any message again', () => {
    const live = new LiveText('The first words');
    const messages = [user('q1', 'go'), answer('a1', 'The first words', { status: 'streaming' })];
    render(<ChatLog messages={messages} streamingId="a1" live={live} cnyPerUsd={0} actions={actions()} />);
    const renders = vi.spyOn(ChatMessageView.prototype, 'render');
    for (const piece of [' of an', ' answer that', ' **streams**', '.\n\n- and a list']) live.append(piece);
    expect(renders).not.toHaveBeenCalled();
    const text = answers()[0]!.textContent!;
    expect(text).toContain('The first words of an answer that streams.');
    expect(answers()[0]!.querySelector('strong')?.textContent).toBe('streams');
    expect(answers()[0]!.querySelector('li')?.textContent).toBe('and a list');
    live.reset('Replaced.');
    expect(answers()[0]!.textContent).toContain('Replaced.');
    expect(answers()[0]!.textContent).not.toContain('first words');
  });

  it('folds a huge question and unfolds it on request', () => {
    const huge = 'x'.repeat(50_000);
    show([user('q1', huge)]);
    const question = screen.getByRole('article', { name: 'You' });
    expect(question.textContent!.length).toBeLessThan(5_000);
    fireEvent.click(within(question).getByRole('button', { name: 'Show all (50,000 characters)' }));
    expect(question.textContent).toContain(huge);
  });

  it('renders every XSS vector in an answer inert, streamed or whole', () => {
    const { rerenderWith } = show([user('q1', 'go'), answer('a1', '', { status: 'streaming' })], 'a1');
    let text = '';
    for (const { payload } of vectors) {
      text += `${payload}\n\n`;
      rerenderWith([user('q1', 'go'), answer('a1', text, { status: 'streaming' })], 'a1');
    }
    rerenderWith([user('q1', 'go'), answer('a1', text), answer('a2', vectors.map((v) => v.payload).join(' '))]);
    const log = screen.getByRole('log');
    // Glance's own icons (inline SVG in the answer's Copy and Regenerate buttons) are not model output.
    const rendered = [
      ...log.querySelectorAll('script, iframe, object, embed, img, svg, math, style, link, form, video, audio, meta, base'),
    ].filter((element) => !element.closest('.chat-actions'));
    expect(rendered.map((element) => element.outerHTML.slice(0, 80))).toEqual([]);
    for (const element of log.querySelectorAll('*')) {
      for (const attribute of element.attributes)
        expect(attribute.name, element.outerHTML.slice(0, 80)).not.toMatch(/^(on|src|srcdoc|style|formaction|xlink)/i);
    }
    for (const link of log.querySelectorAll('a[href]')) expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
    expect(log.textContent).toContain('<svg><image');
  });
});
