/**
 * The list of requests a fake server received, with a way to wait for more to arrive
 * (end-to-end tests act through a browser and cannot know when its request lands).
 */
import type { RecordedRequest } from './types';

/** A request list plus waiters. `requests` is never replaced, only emptied, so references stay valid. */
export interface RequestLog {
  requests: RecordedRequest[];
  add(request: RecordedRequest): void;
  clear(): void;
  waitFor(n: number, timeoutMs?: number, match?: (request: RecordedRequest) => boolean): Promise<RecordedRequest[]>;
}

/** Creates an empty log. */
export function createRequestLog(): RequestLog {
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();

  return {
    requests,
    add(request) {
      requests.push(request);
      for (const check of [...waiters]) check();
    },
    clear() {
      requests.length = 0;
    },
    waitFor(n, timeoutMs = 5000, match = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = requests.filter(match);
          if (matching.length < n) return;
          cleanup();
          resolve(matching);
        };
        const timer = setTimeout(() => {
          cleanup();
          const got = requests.filter(match).length;
          reject(new Error(`waitForRequests: expected ${n} request(s) within ${timeoutMs} ms, got ${got}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
