import { useEffect, useState } from 'preact/hooks';

/**
 * A module's export loaded when first `wanted` (a dynamic import), null until then. Keeps what a
 * page does not show at once off its first render.
 */
export function useLazy<T>(load: () => Promise<T>, wanted = true): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    if (wanted && !loaded) void load().then((value) => setLoaded(() => value));
  }, [wanted, loaded, load]);
  return loaded;
}
