import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asId, asObject, refuse } from '@/utils/background/validate';
import type { Locale } from '@/utils/i18n';
import { getTokenizer, type Tokenizer } from '@/utils/llm/tokens';
import type { ActionInput } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import { summaryLanguage } from '@/utils/summary/background/inspect-page';
import { runSummary } from '@/utils/summary/background/run-summary';
import { summaryDeps } from '@/utils/summary/background/summary-deps';
import { planSummary, summaryEstimate, type SummaryPlan } from '@/utils/summary/plan';
import type { SummaryEstimate } from '@/utils/summary/types';
import { getJob, updateJob } from '@/utils/transcribe/transcript/jobs';
import { transcriptText } from '@/utils/transcribe/transcript/segments';

/** What the summarizer is told about a transcript: its lines carry times, and the summary cites them. */
export const TRANSCRIPT_NOTE =
  'The text is a transcript of audio: each line starts with its time as [m:ss] or [h:mm:ss]. After each point, cite the time where it is said, in the same brackets, e.g. [12:34].';

function parse(raw: unknown): ActionInput<'summarizeTranscript'> {
  return { jobId: asId(asObject(raw).jobId, 'jobId') };
}

/** A stored transcript as the summarizer reads it, with the plan (parts, tokens, cost) of its summary. */
interface PlannedTranscript {
  jobId: string;
  page: { title: string; note: string; markdown: string };
  tokenizer: Tokenizer;
  language: string;
  plan: SummaryPlan;
}

/** Plans the summary of a stored transcript (exact token counts; nothing is sent). */
async function planTranscript(jobId: string, settings: Settings, locale: Locale): Promise<PlannedTranscript> {
  const job = await getJob(jobId);
  if (!job?.segments?.length) refuse('no transcript');
  const page = { title: job.name, note: TRANSCRIPT_NOTE, markdown: transcriptText(job.segments) };
  const tokenizer = await getTokenizer(settings.model);
  const language = summaryLanguage(settings, locale).name;
  return { jobId: job.id, page, tokenizer, language, plan: planSummary(page, tokenizer, settings, language) };
}

/**
 * What "Summarize transcript" would cost, the same estimate the page summary shows (parts of a
 * long transcript, requests, tokens, cost), and whether it is above the user's threshold.
 */
export async function estimateTranscriptSummary(jobId: string, settings: Settings, locale: Locale): Promise<SummaryEstimate> {
  const { plan } = await planTranscript(jobId, settings, locale);
  return summaryEstimate(plan, settings);
}

/**
 * Summarizes a stored transcript with the page summarizer (one request, or map-reduce over its
 * parts for a long one), timestamps kept in the text so the summary can cite them; the summary
 * is stored with the transcript. The page asked for the estimate first, and for the user's
 * confirmation above their threshold.
 */
async function run(input: ActionInput<'summarizeTranscript'>, ctx: ActionContext): Promise<string> {
  const { jobId, page, tokenizer, language, plan } = await planTranscript(input.jobId, ctx.settings, ctx.locale);
  const result = await runSummary(page, plan, language, ctx.settings.model, await summaryDeps(ctx, tokenizer.count));
  await updateJob(jobId, (stored) => {
    stored.summary = result.text;
  });
  return result.finishReason;
}

/** "Summarize transcript": from the transcribe page; kept when it closes (the summary is stored). */
export const summarizeTranscriptAction: ActionDefinition<'summarizeTranscript'> = {
  keepOnDisconnect: true,
  allowedFrom: ['extension-page'],
  parse,
  run,
};
