import type { Browser } from 'wxt/browser';

/** Who sent a message: one of our own pages, or a content script we injected into a tab. */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * Classifies a message sender, or returns undefined for anything that is not this extension
 * (another extension, a web page through externally_connectable, a missing sender).
 * Extension pages are recognised by their URL's origin, even when opened in a tab;
 * everything else of ours that has a tab is a content script running in a web page.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender | undefined,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | undefined {
  if (!sender || sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(`${extensionOrigin}/`)) return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number') return 'content-script';
  return undefined;
}
