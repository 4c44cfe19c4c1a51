import { useEffect, useState } from 'preact/hooks';
import { connectionReadyItem } from '@/utils/settings';

/**
 * Whether a key is connected (see utils/setup/background/state.ts), kept live: a key saved on the
 * welcome page turns an open side panel's connect card into the chat. Undefined until read.
 */
export function useConnectionReady(): boolean | undefined {
  const [ready, setReady] = useState<boolean>();
  useEffect(() => {
    void connectionReadyItem.getValue().then(setReady);
    return connectionReadyItem.watch((value) => setReady(value ?? true));
  }, []);
  return ready;
}
