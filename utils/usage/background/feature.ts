import { defineFeature } from '@/utils/background/feature';
import { handlersOnDemand } from '@/utils/background/handler';

/**
 * The usage page and the popup's spend badge (the ledger itself is written by utils/llm). Their
 * totals load on first use.
 */
export const usageFeature = defineFeature({
  name: 'usage',
  handlers: handlersOnDemand(
    ['getUsage', 'getSpending', 'exportUsage', 'clearUsage'],
    async () => (await import('./handlers')).usageHandlers,
  ),
});
