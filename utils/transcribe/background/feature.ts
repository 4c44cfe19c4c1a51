import { defineFeature } from '@/utils/background/feature';
import { transcribeFileAction } from './file-action';
import { transcribeHandlers } from './handlers';
import { summarizeTranscriptAction } from './summary-action';
import { transcribeAction } from './transcribe-action';

/**
 * Speech to text: dictations stored by the page that recorded them, and whole files or page media
 * cut by the transcribe page; transcripts summarized with the page summarizer.
 */
export const transcribeFeature = defineFeature({
  name: 'transcribe',
  handlers: transcribeHandlers,
  actions: { transcribe: transcribeAction, transcribeFile: transcribeFileAction, summarizeTranscript: summarizeTranscriptAction },
});
