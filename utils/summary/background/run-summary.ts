import type { ChatRequestSpec } from '@/utils/llm/request';
import { t, type Locale } from '@/utils/i18n';
import { mapParts, type PartResult } from '@/utils/summary/map-reduce';
import type { UsageReport } from '@/utils/llm/usage-report';
import {
  buildCombineRequest,
  buildCondenseRequest,
  buildPartRequest,
  buildSummaryRequest,
  formatNotes,
  type PageRef,
} from '@/utils/summary/prompts';
import type { SummaryPlan } from '@/utils/summary/plan';
import { addUsageReports } from '@/utils/llm/usage-report';
import type { ModelCallResult } from '@/utils/llm/background/model-call';

/** One model call, as the summary makes it (the action binds `callModel` to its context). */
export type SummaryCall = (
  spec: ChatRequestSpec,
  options: { signal: AbortSignal; onDelta?(text: string): void; onRateLimit?(delayMs: number): void },
) => Promise<ModelCallResult>;

export interface SummaryRunDeps {
  call: SummaryCall;
  /** Exact token count, to keep the combining step within the budget. */
  count(text: string): number;
  signal: AbortSignal;
  locale: Locale;
  /** Parts summarized at once. */
  concurrency: number;
  delta(text: string): void;
  progress(done: number, total: number): void;
  /** A part's notes, as soon as that part is summarized (the reader follows along). */
  part?(index: number, text: string): void;
  usage(total: UsageReport): void;
}

export interface SummaryRunResult {
  text: string;
  /** 'stop' for a complete summary; 'partial' when some parts could not be read. */
  finishReason: string;
  usage: UsageReport | null;
  /** Zero-based indexes of parts that failed twice and are left out. */
  failedParts: number[];
}

/**
 * Makes the summary a plan describes: one streamed request for a page that fits; else notes on
 * every part (concurrently, bounded), condensed in rounds while they are too long for one request,
 * then one streamed combining request. Only the final answer streams to the reader; progress
 * counts the parts, and each part's notes are reported as it finishes. Usage is reported as a running total of every call.
 */
export async function runSummary(
  page: PageRef & { markdown: string },
  plan: SummaryPlan,
  language: string,
  model: string,
  deps: SummaryRunDeps,
): Promise<SummaryRunResult> {
  let usage: UsageReport | null = null;
  const record = (result: ModelCallResult) => {
    usage = addUsageReports(usage ?? undefined, result.usage);
    deps.usage(usage);
    return result;
  };
  let text = '';
  const stream = (delta: string) => {
    text += delta;
    deps.delta(delta);
  };

  if (plan.chunks.length <= 1) {
    const result = record(
      await deps.call(buildSummaryRequest(page, page.markdown, language, model), { signal: deps.signal, onDelta: stream }),
    );
    return { text, finishReason: result.finishReason, usage, failedParts: [] };
  }

  const total = plan.chunks.length;
  deps.progress(0, total);
  const parts = await mapParts({
    total,
    concurrency: deps.concurrency,
    signal: deps.signal,
    onProgress: deps.progress,
    call: async (index, _attempt, hooks) => {
      const chunk = plan.chunks[index]!;
      const spec = buildPartRequest(page, { index, total, headings: chunk.headings, text: chunk.text }, language, model);
      const notes = record(await deps.call(spec, { signal: hooks.signal, onRateLimit: hooks.onRateLimit })).text;
      deps.part?.(index, notes);
      return notes;
    },
  });
  const failedParts = parts.flatMap((part, index) => (part.ok ? [] : [index]));
  if (failedParts.length === total) throw (parts[0] as Extract<PartResult, { ok: false }>).error;

  let notes: Note[] = parts.flatMap((part, index) => (part.ok ? [{ first: index + 1, last: index + 1, text: part.text }] : []));
  // Pages so long that even their notes overflow a request: condense neighbours in rounds.
  while (notes.length > 1 && deps.count(formatNotes(labelled(notes))) > plan.budget) {
    const batches = batchNotes(notes, plan.budget, deps.count);
    if (batches.length === notes.length) break; // every note alone fills a request: nothing to merge
    const condensed = await mapParts({
      total: batches.length,
      concurrency: deps.concurrency,
      signal: deps.signal,
      call: async (index, _attempt, hooks) =>
        record(
          await deps.call(buildCondenseRequest(page, formatNotes(labelled(batches[index]!)), language, model), {
            signal: hooks.signal,
            onRateLimit: hooks.onRateLimit,
          }),
        ).text,
    });
    notes = condensed.flatMap((part, index) => {
      const batch = batches[index]!;
      return part.ok ? [{ first: batch[0]!.first, last: batch.at(-1)!.last, text: part.text }] : batch;
    });
  }

  const combined = record(
    await deps.call(buildCombineRequest(page, formatNotes(labelled(notes)), language, model), {
      signal: deps.signal,
      onDelta: stream,
    }),
  );
  if (failedParts.length === 0) return { text, finishReason: combined.finishReason, usage, failedParts };
  const missing = t('summaryPartsMissing', { parts: failedParts.map((index) => index + 1).join(', '), total }, deps.locale);
  stream(`\n\n> ${missing}`);
  return { text, finishReason: 'partial', usage, failedParts };
}

/** Notes on parts `first`…`last` (1-based) of the page. */
interface Note {
  first: number;
  last: number;
  text: string;
}

function labelled(notes: Note[]): { label: string; text: string }[] {
  return notes.map((note) => ({
    label: note.first === note.last ? `Part ${note.first}` : `Parts ${note.first}–${note.last}`,
    text: note.text,
  }));
}

/** Consecutive notes grouped so that each group fits the budget. */
function batchNotes(notes: Note[], budget: number, count: (text: string) => number): Note[][] {
  const batches: Note[][] = [];
  let current: Note[] = [];
  let size = 0;
  for (const note of notes) {
    const tokens = count(formatNotes(labelled([note]))) + 2;
    if (current.length && size + tokens > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(note);
    size += tokens;
  }
  if (current.length) batches.push(current);
  return batches;
}
