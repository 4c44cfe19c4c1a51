import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/** How long the read made as the worker started stands in for a new one. */
export const FRESH_MS = 250;

/**
 * The settings, read once as the worker starts: the message or question that woke the worker takes
 * that read instead of starting its own after the features have started. A change seen since, or
 * `FRESH_MS` gone by, and callers read again.
 */
export function settingsFromStart(
  read: () => Promise<Settings> = getSettings,
  watch: (callback: () => void) => void = watchSettings,
  now: () => number = () => performance.now(),
): () => Promise<Settings> {
  const readAt = now();
  let early: Promise<Settings> | undefined = read();
  early.catch(() => {});
  watch(() => {
    early = undefined;
  });
  return () => (early && now() - readAt < FRESH_MS ? early : read());
}
