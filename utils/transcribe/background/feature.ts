import { actionOnDemand } from '@/utils/background/action';
import { defineFeature } from '@/utils/background/feature';
import { handlersOnDemand, PAGES_ONLY } from '@/utils/background/handler';

const PAGES = { keepOnDisconnect: true, allowedFrom: PAGES_ONLY } as const;

/**
 * Speech to text: dictations stored by the page that recorded them, and whole files or page media
 * cut by the transcribe page; transcripts summarized with the page summarizer. All of it loads on
 * first use.
 */
export const transcribeFeature = defineFeature({
  name: 'transcribe',
  handlers: handlersOnDemand(
    [
      'transcribeEstimate',
      'transcribeListMedia',
      'transcribeCaptions',
      'transcribePlayerCaptions',
      'transcriptSummaryEstimate',
      'transcribeSeek',
    ],
    async () => (await import('./handlers')).transcribeHandlers,
  ),
  actions: {
    transcribe: actionOnDemand(PAGES, async () => (await import('./transcribe-action')).transcribeAction),
    transcribeFile: actionOnDemand(PAGES, async () => (await import('./file-action')).transcribeFileAction),
    summarizeTranscript: actionOnDemand(PAGES, async () => (await import('./summary-action')).summarizeTranscriptAction),
  },
});
