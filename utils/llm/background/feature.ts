import { afterStart, defineFeature } from '@/utils/background/feature';
import { getSettings } from '@/utils/settings';
import { connectionHandlers } from './handlers';
import { settleLeftoverCalls } from './provisional-call';

/**
 * Calling a model: the connection settings' messages and the budget override. At each worker
 * start, the ledger lines a dead worker left pending are settled as billed and interrupted.
 */
export const llmFeature = defineFeature({
  name: 'llm',
  handlers: connectionHandlers,
  start() {
    afterStart(() =>
      getSettings()
        .then((settings) => settleLeftoverCalls(settings.priceOverrides))
        .catch((error: unknown) => console.error('settling leftover ledger lines failed', error)),
    );
  },
});
