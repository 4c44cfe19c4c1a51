import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { connectionReadyItem, connectionSavedItem } from '@/utils/settings';
import { earlyRead } from '@/utils/ui/early-read';

const readyRead = earlyRead(() => connectionReadyItem.getValue());

/** Starts reading whether a key is connected before the page's first render, for the first useConnectionReady. */
export function prefetchConnectionReady(): void {
  readyRead.start();
}

/**
 * Whether a key is connected (see utils/setup/background/state.ts), kept live: a key saved on the
 * welcome page turns an open side panel's connect card into the chat. Undefined until read.
 */
export function useConnectionReady(): boolean | undefined {
  const [ready, setReady] = useState<boolean>();
  // As the first render is committed, not a frame later (see useSettings).
  useLayoutEffect(() => {
    void readyRead.take().then(setReady);
    return connectionReadyItem.watch((value) => setReady(value ?? true));
  }, []);
  return ready;
}

/**
 * When the connection was last saved (epoch ms, 0 = never), kept live: a chat answer that failed
 * for want of a working key or endpoint before then offers "Resend".
 */
export function useConnectionSavedAt(): number {
  const [at, setAt] = useState(0);
  useEffect(() => {
    void connectionSavedItem.getValue().then((value) => setAt(value.at));
    return connectionSavedItem.watch((value) => setAt(value?.at ?? 0));
  }, []);
  return at;
}
