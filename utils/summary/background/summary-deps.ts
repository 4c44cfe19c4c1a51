import type { ActionContext } from '@/utils/background/action';
import { resolveConnection } from '@/utils/llm/background/client';
import { callModel } from '@/utils/llm/background/model-call';
import type { SummaryRunDeps } from './run-summary';

/**
 * What a summary's map-reduce needs from the action running it (the page's summary, a transcript's):
 * its calls filed under Summaries, made over one connection resolved once for every part, with
 * rate-limit waits reported; the exact token count; and the action's stream.
 */
export async function summaryDeps(ctx: ActionContext, count: (text: string) => number): Promise<SummaryRunDeps> {
  const connection = await resolveConnection(ctx.settings);
  return {
    call: (spec, options) =>
      callModel(
        {
          feature: 'summarize',
          spec,
          signal: options.signal,
          onDelta: options.onDelta,
          options: options.onRateLimit
            ? { onRetry: (error, delayMs) => error.code === 'rate_limited' && options.onRateLimit!(delayMs) }
            : undefined,
        },
        { ...ctx, connection },
      ),
    count,
    signal: ctx.signal,
    locale: ctx.locale,
    concurrency: ctx.settings.summaryConcurrency,
    delta: ctx.delta,
    progress: ctx.progress,
    part: ctx.part,
    usage: ctx.usage,
  };
}
