import { getSettings, watchSettings, type Settings } from '@/utils/settings';

/**
 * The settings, read once as the worker starts and then kept as storage reports each change: a
 * question or message is answered without a storage read first (one that can wait 10 ms behind the
 * browser's other work). A failed read is not kept: the next caller reads again.
 */
export function liveSettings(
  read: () => Promise<Settings> = getSettings,
  watch: (callback: (settings: Settings) => void) => void = watchSettings,
): () => Promise<Settings> {
  let current: Promise<Settings> | undefined;
  const keep = (reading: Promise<Settings>) => {
    current = reading;
    reading.catch(() => {
      if (current === reading) current = undefined;
    });
    return reading;
  };
  keep(read());
  watch((settings) => {
    current = Promise.resolve(settings);
  });
  return () => current ?? keep(read());
}
