import { useEffect } from 'preact/hooks';
import { resolveBaseURL } from '@/utils/llm/endpoint';

/**
 * Opens the connection to the API endpoint while the user is still deciding, so the first request
 * does not pay for DNS, TCP and TLS (a round trip or three; far more through a relay from China).
 * A `preconnect` hint sends no HTTP request: nothing reaches the API, nothing is spent, no key is
 * involved. The background's requests share the extension's connection pool with its pages; the
 * hint carries no `crossorigin` because the background's requests take the connection it opens
 * that way (with `crossorigin="anonymous"` they opened another: tests/e2e/popup-open.test.ts).
 */
export function preconnect(baseURL: string, document: Document = globalThis.document): void {
  // The base URL as typed (a bare host, a full path): resolved as the background resolves it.
  let origin: string;
  try {
    origin = resolveBaseURL(baseURL).origin;
  } catch {
    return;
  }
  const present = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')];
  if (present.some((link) => new URL(link.href).origin === origin)) return;
  const link = document.createElement('link');
  link.rel = 'preconnect';
  link.href = origin;
  document.head.append(link);
}

/**
 * For the popup and the side panel: opens the connection once a key is connected (before that the
 * page shows the connect card, and no connection is opened to an endpoint the user has not chosen).
 */
export function usePreconnect(baseURL: string | undefined, ready: boolean | undefined): void {
  useEffect(() => {
    if (baseURL && ready) preconnect(baseURL);
  }, [baseURL, ready]);
}
