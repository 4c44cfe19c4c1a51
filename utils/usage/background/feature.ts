import { defineFeature } from '@/utils/background/feature';
import { usageHandlers } from './handlers';

/** The usage page and the popup's spend badge (the ledger itself is written by utils/llm). */
export const usageFeature = defineFeature({ name: 'usage', handlers: usageHandlers });
