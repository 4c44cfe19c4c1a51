// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamHandlers } from '@/utils/stream-client';
import type { TranslateInput } from '@/utils/translate/types';
import type { UsageReport } from '@/utils/llm/usage-report';

const streams: {
  input: TranslateInput;
  handlers: StreamHandlers;
  detach: ReturnType<typeof vi.fn>;
  stop: ReturnType<typeof vi.fn>;
}[] = [];
vi.mock('@/utils/stream-client', () => ({
  startStream: (_action: string, input: TranslateInput, handlers: StreamHandlers) => {
    const stream = { input, handlers, detach: vi.fn(), stop: vi.fn() };
    streams.push(stream);
    return { stop: stream.stop, detach: stream.detach };
  },
}));

const { useTranslation } = await import('@/utils/translate/ui/use-translation');

const usage = (prompt: number, costUsd: number): UsageReport => ({
  model: 'gpt-4o-mini',
  promptTokens: prompt,
  completionTokens: 1,
  cachedTokens: 0,
  reasoningTokens: 0,
  estimated: false,
  costUsd,
});

const SOURCE = 'First paragraph.\n\n```\ncode stays\n```\n\nSecond paragraph.';

beforeEach(() => {
  streams.length = 0;
});

describe('useTranslation', () => {
  it('sends the prose only, and shows the stream with the code block back in place', () => {
    const { result } = renderHook(() => useTranslation());
    act(() => result.current.start(SOURCE, 'zh-CN', 'en'));
    expect(streams[0]!.input).toEqual({
      segments: [
        { id: 's1', text: 'First paragraph.' },
        { id: 's2', text: 'Second paragraph.' },
      ],
      target: 'zh-CN',
      source: 'en',
    });
    const { handlers } = streams[0]!;
    act(() => {
      handlers.onDelta('第一', 's1');
      handlers.onDelta('段。', 's1');
    });
    expect(result.current.state).toMatchObject({ status: 'working', markdown: '第一段。' });
    act(() => {
      handlers.onProgress!(1, 2);
      handlers.onDelta('第二段。', 's2');
      handlers.onUsage!(usage(100, 0.001));
      handlers.onDone('stop');
    });
    expect(result.current.state).toMatchObject({
      status: 'done',
      markdown: '第一段。\n\n```\ncode stays\n```\n\n第二段。',
      progress: { done: 2, total: 2 },
      usage: usage(100, 0.001),
    });
  });

  it('resumes after a failure from the first unfinished segment, keeping the rest and adding up usage', () => {
    const { result } = renderHook(() => useTranslation());
    act(() => result.current.start('One.\n\n```\nx\n```\n\nTwo.\n\n```\ny\n```\n\nThree.', 'zh-CN'));
    const first = streams[0]!.handlers;
    act(() => {
      first.onDelta('一。', 's1');
      first.onProgress!(1, 3);
      first.onUsage!(usage(50, 0.002));
      first.onDelta('二', 's2');
      first.onError({ code: 'network', message: 'Network down.', retryable: true });
    });
    expect(result.current.state.status).toBe('error');
    expect(result.current.state.markdown).toContain('二');

    act(() => result.current.resume());
    expect(streams[1]!.input.segments).toEqual([
      { id: 's2', text: 'Two.' },
      { id: 's3', text: 'Three.' },
    ]);
    expect(result.current.state.markdown).toBe('一。\n\n```\nx\n```');
    const second = streams[1]!.handlers;
    act(() => {
      second.onDelta('二。', 's2');
      second.onProgress!(1, 2);
      second.onDelta('三。', 's3');
      second.onUsage!(usage(30, 0.001));
      second.onDone('stop');
    });
    expect(result.current.state.markdown).toBe('一。\n\n```\nx\n```\n\n二。\n\n```\ny\n```\n\n三。');
    expect(result.current.state.usage).toMatchObject({ promptTokens: 80, costUsd: 0.003 });
    expect(result.current.state.progress).toEqual({ done: 3, total: 3 });
  });

  it('sends nothing for code-only text, and ignores a replaced stream', () => {
    const { result } = renderHook(() => useTranslation());
    act(() => result.current.start('```\nonly code\n```', 'en'));
    expect(streams).toHaveLength(0);
    expect(result.current.state).toMatchObject({ status: 'done', nothingToTranslate: true, markdown: '```\nonly code\n```' });

    act(() => result.current.start('Old text.', 'ja'));
    act(() => result.current.start('New text.', 'fr'));
    expect(streams[0]!.detach).toHaveBeenCalled();
    act(() => streams[0]!.handlers.onDelta('STALE', 's1'));
    expect(result.current.state.markdown).toBe('');
  });

  it('detaches when the view goes away (which aborts a translation nobody will read)', () => {
    const { result, unmount } = renderHook(() => useTranslation());
    act(() => result.current.start('Text.', 'zh-CN'));
    act(() => unmount());
    expect(streams[0]!.detach).toHaveBeenCalled();
  });
});
