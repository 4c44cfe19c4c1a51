import type { Page } from 'playwright-core';
import type { Glance } from './harness';

/**
 * The extension's service worker as the browser reports it (CDP ServiceWorker domain): stops it as
 * the browser does when it is idle, and tells whether it is stopped, so that a run measured as
 * "stopped first" is one where nothing woke the worker before Enter.
 */
export async function watchWorker(glance: Glance, page: Page) {
  const cdp = await glance.context.newCDPSession(page);
  const prefix = `chrome-extension://${glance.extensionId}/`;
  let status = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.scriptURL.startsWith(prefix)) status = version.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    isStopped: () => status === 'stopped',
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const until = Date.now() + 5_000;
      while (status !== 'stopped' && Date.now() < until) await page.waitForTimeout(10);
    },
  };
}
