import type { Locale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageContent } from '@/utils/page/extract';
import type { PageInspection } from '@/utils/summary/types';
import type { Settings } from '@/utils/settings';
import { planSummary, summaryEstimate, type SummaryPlan } from '@/utils/summary/plan';
import { getTokenizer, type Tokenizer } from '@/utils/llm/tokens';
import { readTab } from './page-access';
import { cacheKey, contentHash, getCachedSummary, toStored, type CachedSummary } from './cache';

/** A page read for summarizing or questions: its text and where its summary is cached. */
export interface ReadPage {
  page: PageContent;
  tokenizer: Tokenizer;
  /** Language code of the summary, and its English name for the prompts. */
  language: { code: string; name: string };
  /** SHA-256 of the page text, and the cache key (URL, hash, language). */
  hash: string;
  key: string;
}

/** A read page with the plan of its summary. */
export interface PreparedPage extends ReadPage {
  plan: SummaryPlan;
}

/** The summary language: the setting, or the interface language. */
export function summaryLanguage(settings: Pick<Settings, 'summaryLanguage'>, locale: Locale): { code: string; name: string } {
  const code = settings.summaryLanguage === 'auto' ? locale : settings.summaryLanguage;
  return { code, name: languageName(code) };
}

/** Summaries being made right now, by cache key → job id (a reopened popup attaches to them). */
const running = new Map<string, string>();

/** Marks a summary as in progress; returns the function that clears the mark. */
export function markRunning(key: string, jobId: string): () => void {
  running.set(key, jobId);
  return () => {
    if (running.get(key) === jobId) running.delete(key);
  };
}

/** Reads the tab and finds where its summary is cached (nothing is planned or sent). */
export async function readPage(tabId: number, settings: Settings, locale: Locale, wholePage = false): Promise<ReadPage> {
  const page = await readTab(tabId, undefined, wholePage);
  const tokenizer = await getTokenizer(settings.model);
  const language = summaryLanguage(settings, locale);
  const hash = await contentHash(page.markdown);
  return { page, tokenizer, language, hash, key: cacheKey(page.url, hash, language.code) };
}

/** Plans a read page's summary (exact token counts; nothing is sent to the model). */
export function planPage(read: ReadPage, settings: Settings): PreparedPage {
  return { ...read, plan: planSummary(read.page, read.tokenizer, settings, read.language.name) };
}

/** What the summary view shows before anything is spent: the page, the estimate, a stored summary. */
export async function inspectPage(tabId: number, settings: Settings, locale: Locale, wholePage = false): Promise<PageInspection> {
  const { page, plan, key } = planPage(await readPage(tabId, settings, locale, wholePage), settings);
  let stored: CachedSummary | null = null;
  try {
    stored = await getCachedSummary(key);
  } catch (error) {
    // A broken cache costs a re-summary, not the feature.
    console.error('summary cache read failed', error);
  }
  return {
    page: {
      url: page.url,
      title: page.title,
      source: page.source,
      hasSelection: page.hasSelection,
      lang: page.lang,
      tokens: plan.pageTokens,
      exactTokens: plan.exact,
      truncated: page.truncated,
    },
    estimate: summaryEstimate(plan, settings),
    stored: stored ? toStored(stored) : null,
    runningJobId: running.get(key) ?? null,
  };
}
