import { defineFeature } from '@/utils/background/feature';
import { transcribeAction } from './transcribe-action';

/** Voice input: a dictation stored by the page that recorded it, transcribed through the endpoint. */
export const transcribeFeature = defineFeature({ name: 'transcribe', actions: { transcribe: transcribeAction } });
