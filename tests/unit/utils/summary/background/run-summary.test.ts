import { describe, expect, it } from 'vitest';
import type { ChatRequestSpec } from '@/utils/llm/request';
import { AppError } from '@/utils/errors';
import type { UsageReport } from '@/utils/llm/usage-report';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { runSummary, type SummaryCall } from '@/utils/summary/background/run-summary';
import { planSummary } from '@/utils/summary/plan';
import { getTokenizer } from '@/utils/llm/tokens';

const usage = (prompt: number): UsageReport => ({
  model: 'gpt-4o-mini',
  promptTokens: prompt,
  completionTokens: 10,
  cachedTokens: 0,
  reasoningTokens: 0,
  estimated: false,
  costUsd: 0.001,
});

/** A fake model: answers part requests with notes naming the part, and streams the final summary. */
function fakeModel(fail: (spec: ChatRequestSpec) => AppError | undefined = () => undefined) {
  const requests: ChatRequestSpec[] = [];
  const call: SummaryCall = async (spec, options) => {
    requests.push(spec);
    const failure = fail(spec);
    if (failure) throw failure;
    const user = spec.turns[1]!.content;
    const system = spec.turns[0]!.content;
    const part = /Part (\d+) of/.exec(user)?.[1];
    const text = system.startsWith('Take notes')
      ? `- note ${part}`
      : system.startsWith('Condense')
        ? `- condensed ${user.match(/## Parts? [\d–]+/g)!.join(',')}`
        : '**TL;DR:** done.\n\n- key';
    if (options.onDelta) for (const piece of text.match(/.{1,5}/gs)!) options.onDelta(piece);
    return { text, finishReason: 'stop', usage: usage(100) };
  };
  return { call, requests };
}

function sections(count: number, words = 120): string {
  return Array.from({ length: count }, (_, i) => `## Chapter ${i + 1}\n\n${'word '.repeat(words).trim()}.`).join('\n\n');
}

async function setup(markdown: string, maxInput: number) {
  const tokenizer = await getTokenizer('gpt-4o-mini');
  const settings = { ...DEFAULT_SETTINGS, summaryMaxInput: maxInput };
  const page = { title: 'T', markdown };
  return { page, tokenizer, plan: planSummary(page, tokenizer, settings, 'English') };
}

function deps(call: SummaryCall, count: (text: string) => number) {
  const events: string[] = [];
  let text = '';
  const totals: UsageReport[] = [];
  return {
    events,
    totals,
    text: () => text,
    deps: {
      call,
      count,
      signal: new AbortController().signal,
      locale: 'en' as const,
      concurrency: 4,
      delta: (delta: string) => (text += delta),
      progress: (done: number, total: number) => events.push(`${done}/${total}`),
      part: (index: number, notes: string) => events.push(`part ${index}: ${notes}`),
      usage: (total: UsageReport) => totals.push(total),
    },
  };
}

describe('runSummary', { timeout: 30_000 }, () => {
  it('sends a page that fits in one streamed request', async () => {
    const { page, plan, tokenizer } = await setup(sections(3), 0);
    const model = fakeModel();
    const run = deps(model.call, tokenizer.count);
    const result = await runSummary(page, plan, 'English', 'gpt-4o-mini', run.deps);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]!.turns[1]!.content).toContain('## Chapter 3');
    expect(run.text()).toBe('**TL;DR:** done.\n\n- key');
    expect(result).toMatchObject({ finishReason: 'stop', failedParts: [], usage: { promptTokens: 100 } });
    expect(run.events).toEqual([]);
  });

  it('map-reduces a long page: one request per part, then one combining request with every note', async () => {
    const { page, plan, tokenizer } = await setup(sections(7), 200);
    expect(plan.chunks).toHaveLength(7);
    const model = fakeModel();
    const run = deps(model.call, tokenizer.count);
    const result = await runSummary(page, plan, 'English', 'gpt-4o-mini', run.deps);
    expect(model.requests).toHaveLength(8);
    const combine = model.requests.at(-1)!.turns[1]!.content;
    for (let part = 1; part <= 7; part++) expect(combine).toContain(`## Part ${part}\n- note ${part}`);
    expect(run.events[0]).toBe('0/7');
    expect(run.events.at(-1)).toBe('7/7');
    // Each part's notes are reported as that part finishes, before the count that includes it.
    for (let part = 0; part < 7; part++) {
      const notes = run.events.indexOf(`part ${part}: - note ${part + 1}`);
      expect(notes, `part ${part}`).toBeGreaterThan(0);
      expect(run.events.slice(notes + 1).some((event) => /^\d+\/7$/.test(event))).toBe(true);
    }
    expect(result.finishReason).toBe('stop');
    // Usage is the running total of all eight calls.
    expect(run.totals.at(-1)).toMatchObject({ promptTokens: 800, completionTokens: 80, costUsd: 0.008 });
  });

  it('condenses notes in rounds when even they do not fit one request', async () => {
    const { page, tokenizer, plan } = await setup(sections(12, 150), 200);
    expect(plan.chunks).toHaveLength(12);
    const model = fakeModel();
    // Long notes: 12 × ~55 tokens do not fit a 200-token request.
    const wordy: SummaryCall = async (spec, options) => {
      const result = await model.call(spec, options);
      return spec.turns[0]!.content.startsWith('Take notes')
        ? { ...result, text: `${result.text} ${'detail '.repeat(50)}` }
        : result;
    };
    const run = deps(wordy, tokenizer.count);
    await runSummary(page, plan, 'English', 'gpt-4o-mini', run.deps);
    const kinds = model.requests.map((spec) => /^\w+/.exec(spec.turns[0]!.content)![0]);
    expect(kinds.filter((kind) => kind === 'Take')).toHaveLength(12);
    expect(kinds.filter((kind) => kind === 'Condense').length).toBeGreaterThan(1);
    expect(kinds.at(-1)).toBe('Summarize');
    for (const spec of model.requests) expect(tokenizer.count(spec.turns[1]!.content)).toBeLessThanOrEqual(plan.budget + 40);
  });

  it('reports a part that failed twice and still summarizes the rest, marked partial', async () => {
    const { page, plan, tokenizer } = await setup(sections(5), 200);
    const model = fakeModel((spec) => (spec.turns[1]!.content.includes('Part 3 of') ? new AppError('server_error') : undefined));
    const run = deps(model.call, tokenizer.count);
    const result = await runSummary(page, plan, 'English', 'gpt-4o-mini', run.deps);
    expect(model.requests.filter((spec) => spec.turns[1]!.content.includes('Part 3 of'))).toHaveLength(2);
    expect(result.failedParts).toEqual([2]);
    expect(result.finishReason).toBe('partial');
    expect(run.text()).toContain('could not be summarized: part 3 of 5.');
    expect(model.requests.at(-1)!.turns[1]!.content).not.toContain('## Part 3');
  });

  it('fails with the error when every part fails', async () => {
    const { page, plan, tokenizer } = await setup(sections(3), 200);
    const model = fakeModel((spec) => (spec.turns[1]!.content.includes('Part') ? new AppError('timeout') : undefined));
    await expect(runSummary(page, plan, 'English', 'gpt-4o-mini', deps(model.call, tokenizer.count).deps)).rejects.toMatchObject({
      code: 'timeout',
    });
  });
});
