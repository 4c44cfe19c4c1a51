/**
 * Part 2 of `npm run bench -- summarize`: a synthetic 150,000-token page summarized by map-reduce
 * against the fake server with a fixed per-request latency, one part at a time and 4 at once.
 */
import { startFakeServer } from '@/tests/fake-server';
import { DEFAULT_MODELS } from '@/tests/fake-server/models';
import type { Connection } from '@/utils/llm/background/client';
import { callModel } from '@/utils/llm/background/model-call';
import { getTokenizer } from '@/utils/llm/tokens';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { runSummary } from '@/utils/summary/background/run-summary';
import { planSummary } from '@/utils/summary/plan';

const MODEL = 'gpt-4o-mini';
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A page of `tokens` tokens (o200k, ±1 section) in sections of varied length, like a long report. */
function syntheticPage(tokens: number, count: (text: string) => number): string {
  const sections: string[] = [];
  let total = 0;
  for (let index = 1; total < tokens; index++) {
    const paragraphs = Array.from({ length: 3 + (index % 5) }, (_, p) =>
      Array.from(
        { length: 6 + ((index + p) % 7) },
        (_, s) =>
          `In section ${index}, finding ${p}.${s} reports that measurement ${index * 31 + s} rose by ${(index * 7 + p) % 97} percent over the period.`,
      ).join(' '),
    );
    const section = `## Section ${index}\n\n${paragraphs.join('\n\n')}`;
    sections.push(section);
    total += count(section) + 1;
  }
  return sections.join('\n\n');
}

/** Wall time of the synthetic page's summary at concurrency 1 and 4, for two context sizes. */
export async function mapReduceTiming(latencyMs: number) {
  const server = await startFakeServer({ models: [...DEFAULT_MODELS, 'gpt-4'] });
  server.setDefault({ kind: 'text', text: '- A short note on this part of the page.', firstByteDelayMs: latencyMs });
  const url = new URL(server.baseURL);
  const results: Record<string, unknown>[] = [];
  try {
    const markdown = syntheticPage(150_000, (await getTokenizer(MODEL)).count);
    for (const model of ['gpt-3.5-turbo', 'gpt-4']) {
      const tokenizer = await getTokenizer(model);
      const settings = { ...DEFAULT_SETTINGS, provider: 'custom' as const, baseURL: server.baseURL, model, summaryMaxInput: 0 };
      const connection: Connection = {
        provider: 'custom',
        baseURL: server.baseURL,
        origin: url.origin,
        host: url.host,
        model,
        apiKey: server.apiKey,
      };
      const planStarted = performance.now();
      const plan = planSummary({ title: 'Synthetic report', markdown }, tokenizer, settings, 'English');
      const planMs = performance.now() - planStarted;
      const wall: Record<number, number> = {};
      for (const concurrency of [1, 4]) {
        server.reset();
        server.setDefault({ kind: 'text', text: '- A short note on this part of the page.', firstByteDelayMs: latencyMs });
        const started = performance.now();
        await runSummary({ title: 'Synthetic report', markdown }, plan, 'English', model, {
          call: (spec, options) =>
            callModel(
              { feature: 'summarize', spec, signal: options.signal, onDelta: options.onDelta },
              { settings, locale: 'en', deps: {}, connection },
            ),
          count: tokenizer.count,
          signal: new AbortController().signal,
          locale: 'en',
          concurrency,
          delta: () => {},
          progress: () => {},
          usage: () => {},
        });
        wall[concurrency] = performance.now() - started;
        if (server.validationErrors.length) throw new Error(`invalid requests: ${server.validationErrors.join('; ')}`);
      }
      results.push({
        model,
        pageTokens: plan.pageTokens,
        budget: plan.budget,
        chunks: plan.chunks.length,
        requests: plan.chunks.length + 1,
        planMs: round(planMs, 1),
        sequentialMs: Math.round(wall[1]!),
        concurrentMs: Math.round(wall[4]!),
        ratio: round(wall[4]! / wall[1]!),
      });
    }
  } finally {
    await server.close();
  }
  return { latencyMs, results };
}
