import { defineFeature } from '@/utils/background/feature';
import { connectionHandlers } from './handlers';

/** Calling a model: the connection settings' messages and the budget override. */
export const llmFeature = defineFeature({ name: 'llm', handlers: connectionHandlers });
