import type { ActionInput } from '@/utils/protocol';
import { markRunning, planPage, readPage } from './inspect-page';
import { getCachedSummary, putCachedSummary, touchCachedSummary } from './cache';
import { runSummary } from './run-summary';
import { summaryDeps } from './summary-deps';
import { asWholePage } from './page-access';
import { asObject, asTabId, refuse } from '@/utils/background/validate';
import type { ActionContext, ActionDefinition } from '@/utils/background/action';

function parse(raw: unknown): ActionInput<'summarize'> {
  const value = asObject(raw);
  if (value.regenerate !== undefined && typeof value.regenerate !== 'boolean') refuse('regenerate is not a boolean');
  return { tabId: asTabId(value.tabId), regenerate: value.regenerate === true, wholePage: asWholePage(value.wholePage) };
}

/**
 * Reads the tab, then answers from the cache (spending nothing) unless asked to regenerate;
 * otherwise summarizes (one request, or map-reduce for a long page) and stores a complete summary.
 */
async function run(input: ActionInput<'summarize'>, ctx: ActionContext): Promise<string> {
  const read = await readPage(input.tabId, ctx.settings, ctx.locale, input.wholePage);
  const { page, tokenizer, language, hash, key } = read;
  if (!input.regenerate) {
    const cached = await getCachedSummary(key).catch(() => null);
    if (cached) {
      ctx.delta(cached.text);
      await touchCachedSummary(key).catch(() => {});
      return 'cached';
    }
  }
  // Planned only when there is something to make: a cached summary needs no plan.
  const { plan } = planPage(read, ctx.settings);
  const done = markRunning(key, ctx.jobId);
  try {
    const result = await runSummary(page, plan, language.name, ctx.settings.model, await summaryDeps(ctx, tokenizer.count));
    // Only a complete summary is worth keeping: a partial or cut one should be made again.
    if (result.finishReason === 'stop') {
      await putCachedSummary({
        key,
        url: page.url,
        contentHash: hash,
        title: page.title,
        language: language.code,
        text: result.text,
        usage: result.usage,
      }).catch((error) => console.error('summary cache write failed', error));
    }
    return result.finishReason;
  } finally {
    done();
  }
}

/** Summarizes a tab's page; kept when the popup closes (it finishes and is cached). */
export const summarizeAction: ActionDefinition<'summarize'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
