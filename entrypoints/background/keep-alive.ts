import { browser } from 'wxt/browser';

/**
 * Keeps the service worker alive while work is in flight. Chrome stops an idle worker after
 * ~30 s, and a fetch whose response stays silent (a reasoning model thinking) does not count as
 * activity; any extension API call does, so one is made every 20 s while anything is held.
 */
const INTERVAL_MS = 20_000;

let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** Holds the worker awake until the returned function is called (once). */
export function holdAwake(): () => void {
  holders += 1;
  timer ??= setInterval(() => {
    void browser.runtime.getPlatformInfo();
  }, INTERVAL_MS);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** How many holds are active (for tests and diagnostics). */
export function activeHolds(): number {
  return holders;
}
