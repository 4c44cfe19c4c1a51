import { describe, expect, it, vi } from 'vitest';
import type { ActionRegistry } from '@/utils/background/action';
import { JobManager } from '@/entrypoints/background/jobs';
import { activeHolds } from '@/entrypoints/background/keep-alive';
import { AppError } from '@/utils/errors';
import type { StreamEvent } from '@/utils/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { createFakePort, type FakePort } from '@/tests/unit/helpers/ports';

/** An action that streams the words of its input, one per tick, until done or aborted. */
function scriptedAction(keepOnDisconnect: boolean) {
  const finished = vi.fn();
  const definition = {
    keepOnDisconnect,
    allowedFrom: ['extension-page'] as const,
    parse: (input: unknown) => {
      const turns = (input as { turns?: unknown }).turns;
      if (!Array.isArray(turns)) throw new AppError('refused');
      return { turns } as never;
    },
    run: async (
      input: { turns: { content: string }[] },
      ctx: {
        signal: AbortSignal;
        delta(t: string): void;
        progress(d: number, t: number): void;
        part?(index: number, text: string): void;
      },
    ) => {
      const words = input.turns[0]!.content.split(' ');
      for (const [index, word] of words.entries()) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (ctx.signal.aborted) throw new AppError('aborted');
        ctx.delta(index === 0 ? word : ` ${word}`);
        ctx.part?.(index, `notes on ${word}`);
        ctx.progress(index + 1, words.length);
      }
      finished();
      return 'stop';
    },
  };
  return { definition, finished };
}

function manager(keepOnDisconnect: boolean) {
  const action = scriptedAction(keepOnDisconnect);
  const jobs = new JobManager({
    actions: { chat: action.definition } as unknown as ActionRegistry,
    getSettings: async () => DEFAULT_SETTINGS,
    localeOf: () => 'en',
    keepFinishedMs: 60_000,
  });
  return { jobs, finished: action.finished };
}

const start = (text: string) => ({ type: 'start', action: 'chat', input: { turns: [{ role: 'user', content: text }] } });
const events = (port: FakePort) => port.received as StreamEvent[];
const textOf = (port: FakePort) =>
  events(port)
    .map((event) => (event.type === 'delta' || event.type === 'snapshot' ? event.text : ''))
    .join('');
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 2000, interval: 5 });

describe('JobManager', () => {
  it('streams deltas (never the whole text), progress, then done', async () => {
    const { jobs } = manager(true);
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send(start('one two three'));
    await until(() => events(port).some((e) => e.type === 'done'));
    const deltas = events(port).filter((e) => e.type === 'delta');
    expect(deltas.map((e) => e.type === 'delta' && e.text)).toEqual(['one', ' two', ' three']);
    expect(events(port)[0]).toMatchObject({ type: 'started' });
    expect(events(port).at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    expect(events(port)).toContainEqual({ type: 'progress', done: 3, total: 3 });
  });

  it('tags deltas of a segmented action with their segment, and only those', async () => {
    const jobs = new JobManager({
      actions: {
        translate: {
          keepOnDisconnect: false,
          allowedFrom: ['content-script'],
          parse: (input: unknown) => input as never,
          run: async (_input: unknown, ctx: { delta(text: string, segment?: string): void }) => {
            ctx.delta('一', 's1');
            ctx.delta('二', 's2');
            ctx.delta('plain');
            return 'stop';
          },
        },
      } as unknown as ActionRegistry,
      getSettings: async () => DEFAULT_SETTINGS,
      localeOf: () => 'en',
    });
    const port = createFakePort();
    jobs.connect(port, 'content-script');
    port.send({ type: 'start', action: 'translate', input: {} });
    await until(() => events(port).some((e) => e.type === 'done'));
    expect(events(port).filter((e) => e.type === 'delta')).toEqual([
      { type: 'delta', text: '一', segment: 's1' },
      { type: 'delta', text: '二', segment: 's2' },
      { type: 'delta', text: 'plain' },
    ]);
  });

  it('holds the worker awake while a job runs and lets go after', async () => {
    const { jobs } = manager(true);
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send(start('a b c d'));
    await until(() => events(port).some((e) => e.type === 'delta'));
    expect(activeHolds()).toBe(1);
    await until(() => events(port).some((e) => e.type === 'done'));
    expect(activeHolds()).toBe(0);
  });

  it("aborts on the user's Stop, keeping what was sent", async () => {
    const { jobs, finished } = manager(true);
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send(start('a b c d e f g h i j'));
    await until(() => events(port).some((e) => e.type === 'delta'));
    port.send({ type: 'stop' });
    await until(() => events(port).some((e) => e.type === 'error'));
    expect(events(port).at(-1)).toMatchObject({ type: 'error', error: { code: 'aborted' } });
    expect(finished).not.toHaveBeenCalled();
    expect(textOf(port).length).toBeGreaterThan(0);
  });

  it('runs a kept answer on when its page goes away, and a later attach gets all of it', async () => {
    const { jobs, finished } = manager(true);
    const first = createFakePort();
    jobs.connect(first, 'extension-page');
    first.send(start('kept answer keeps going after close'));
    await until(() => events(first).some((e) => e.type === 'delta'));
    first.clientDisconnect();
    await until(() => finished.mock.calls.length === 1);

    const jobId = (events(first)[0] as { jobId: string }).jobId;
    const second = createFakePort();
    jobs.connect(second, 'extension-page');
    second.send({ type: 'attach', jobId });
    expect(textOf(second)).toBe('kept answer keeps going after close');
    // Every finished part's notes too, in order, for a summary view reopened mid-way.
    const parts = events(second).filter((e) => e.type === 'part');
    expect(parts).toHaveLength(6);
    expect(parts[0]).toEqual({ type: 'part', index: 0, text: 'notes on kept' });
    expect(events(second).filter((e) => e.type === 'snapshot')).toHaveLength(1);
    expect(events(second).at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('attaches mid-stream: a snapshot of the text so far, then live deltas', async () => {
    const { jobs } = manager(true);
    const first = createFakePort();
    jobs.connect(first, 'extension-page');
    first.send(start('w1 w2 w3 w4 w5 w6 w7 w8'));
    await until(() => events(first).filter((e) => e.type === 'delta').length >= 2);
    const jobId = (events(first)[0] as { jobId: string }).jobId;
    const second = createFakePort();
    jobs.connect(second, 'extension-page');
    second.send({ type: 'attach', jobId });
    await until(() => events(second).some((e) => e.type === 'done'));
    expect(textOf(second)).toBe('w1 w2 w3 w4 w5 w6 w7 w8');
    expect(textOf(first)).toBe('w1 w2 w3 w4 w5 w6 w7 w8');
  });

  it('aborts an answer nobody will see once its last viewer leaves', async () => {
    const { jobs, finished } = manager(false);
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send(start('a b c d e f g h i j k l'));
    await until(() => events(port).some((e) => e.type === 'delta'));
    port.clientDisconnect();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(finished).not.toHaveBeenCalled();
    expect(jobs.runningCount()).toBe(0);
  });

  it('tells a client attaching to an unknown job (worker restarted) that the answer was interrupted', () => {
    const { jobs } = manager(true);
    const port = createFakePort();
    jobs.connect(port, 'extension-page');
    port.send({ type: 'attach', jobId: 'gone' });
    expect(events(port)).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'interrupted', retryable: true }) }]);
  });

  it('refuses actions a sender may not start, unknown actions, bad input and oversized input', async () => {
    const { jobs } = manager(true);
    const fromPage = createFakePort();
    jobs.connect(fromPage, 'content-script');
    fromPage.send(start('hello'));
    expect(events(fromPage)).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'refused' }) }]);

    const unknown = createFakePort();
    jobs.connect(unknown, 'extension-page');
    unknown.send({ type: 'start', action: 'constructor', input: {} });
    expect(events(unknown)[0]).toMatchObject({ type: 'error', error: { code: 'refused' } });

    const bad = createFakePort();
    jobs.connect(bad, 'extension-page');
    bad.send({ type: 'start', action: 'chat', input: { turns: 'nope' } });
    await until(() => events(bad).some((e) => e.type === 'error'));
    expect(events(bad).at(-1)).toMatchObject({ type: 'error', error: { code: 'refused' } });

    const huge = createFakePort();
    jobs.connect(huge, 'extension-page');
    huge.send(start('x'.repeat(5 * 1024 * 1024)));
    expect(events(huge)).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'too_large' }) }]);
  });

  it("refuses a content script attaching to an extension page's job: no text, and its Stop does nothing", async () => {
    const { jobs, finished } = manager(true);
    const popup = createFakePort();
    jobs.connect(popup, 'extension-page');
    popup.send(start('the popup answer is private'));
    await until(() => events(popup).some((e) => e.type === 'delta'));
    const jobId = (events(popup)[0] as { jobId: string }).jobId;

    const page = createFakePort('glance:stream', contentSender(7, 0));
    jobs.connect(page, 'content-script');
    page.send({ type: 'attach', jobId });
    page.send({ type: 'stop' });
    await until(() => finished.mock.calls.length === 1);
    expect(events(page).every((e) => e.type === 'error' && e.error.code === 'refused')).toBe(true);
    expect(textOf(page)).toBe('');
    expect(events(popup).at(-1)).toEqual({ type: 'done', finishReason: 'stop' });

    // Another extension page may: a reopened popup re-attaches to its answer.
    const reopened = createFakePort();
    jobs.connect(reopened, 'extension-page');
    reopened.send({ type: 'attach', jobId });
    expect(textOf(reopened)).toBe('the popup answer is private');
  });

  it("lets only the content script's own tab and frame attach to the job it started", async () => {
    const jobs = new JobManager({
      actions: {
        translate: { ...scriptedAction(true).definition, allowedFrom: ['content-script'] },
      } as unknown as ActionRegistry,
      getSettings: async () => DEFAULT_SETTINGS,
      localeOf: () => 'en',
      keepFinishedMs: 60_000,
    });
    const owner = createFakePort('glance:stream', contentSender(7, 2));
    jobs.connect(owner, 'content-script');
    owner.send({ ...start('a b c'), action: 'translate' });
    await until(() => events(owner).some((e) => e.type === 'done'));
    const jobId = (events(owner)[0] as { jobId: string }).jobId;
    const attach = (port: FakePort, kind: 'content-script' | 'extension-page') => {
      jobs.connect(port, kind);
      port.send({ type: 'attach', jobId });
      return events(port);
    };
    expect(attach(createFakePort('glance:stream', contentSender(7, 2)), 'content-script').at(-1)).toEqual({
      type: 'done',
      finishReason: 'stop',
    });
    for (const [port, kind] of [
      [createFakePort('glance:stream', contentSender(8, 2)), 'content-script'],
      [createFakePort('glance:stream', contentSender(7, 0)), 'content-script'],
      [createFakePort(), 'extension-page'],
    ] as const) {
      expect(attach(port, kind)).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'refused' }) }]);
    }
  });
});

function contentSender(tabId: number, frameId: number) {
  return { id: 'glance', url: 'https://page.example/', tab: { id: tabId } as never, frameId };
}
