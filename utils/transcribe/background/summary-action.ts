import type { ActionContext, ActionDefinition } from '@/utils/background/action';
import { asId, asObject, refuse } from '@/utils/background/validate';
import { getTokenizer } from '@/utils/llm/tokens';
import type { ActionInput } from '@/utils/protocol';
import { summaryLanguage } from '@/utils/summary/background/inspect-page';
import { runSummary } from '@/utils/summary/background/run-summary';
import { summaryDeps } from '@/utils/summary/background/summary-deps';
import { planSummary } from '@/utils/summary/plan';
import { getJob, updateJob } from '@/utils/transcribe/transcript/jobs';
import { transcriptText } from '@/utils/transcribe/transcript/segments';

/** What the summarizer is told about a transcript: its lines carry times, and the summary cites them. */
export const TRANSCRIPT_NOTE =
  'The text is a transcript of audio: each line starts with its time as [m:ss] or [h:mm:ss]. After each point, cite the time where it is said, in the same brackets, e.g. [12:34].';

function parse(raw: unknown): ActionInput<'summarizeTranscript'> {
  return { jobId: asId(asObject(raw).jobId, 'jobId') };
}

/**
 * Summarizes a stored transcript with the page summarizer (one request, or map-reduce over its
 * parts for a long one), timestamps kept in the text so the summary can cite them; the summary
 * is stored with the transcript.
 */
async function run(input: ActionInput<'summarizeTranscript'>, ctx: ActionContext): Promise<string> {
  const job = await getJob(input.jobId);
  if (!job?.segments?.length) refuse('no transcript');
  const page = { title: job.name, note: TRANSCRIPT_NOTE, markdown: transcriptText(job.segments) };
  const tokenizer = await getTokenizer(ctx.settings.model);
  const language = summaryLanguage(ctx.settings, ctx.locale);
  const plan = planSummary(page, tokenizer, ctx.settings, language.name);
  const result = await runSummary(page, plan, language.name, ctx.settings.model, await summaryDeps(ctx, tokenizer.count));
  await updateJob(job.id, (stored) => {
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
