import type { Browser } from 'wxt/browser';

type Listener = (message: unknown) => void;

/** One end of a simulated runtime.Port, as the background sees it. */
export interface FakePort extends Browser.runtime.Port {
  /** Everything the background posted to the client, in order. */
  received: unknown[];
  /** Delivers a client message to the background's listeners. */
  send(message: unknown): void;
  /** The client goes away (popup closed, tab navigated). */
  clientDisconnect(): void;
  disconnected: boolean;
}

/**
 * A Port stand-in for JobManager tests (WXT's fake browser has no Ports). Messages are
 * delivered synchronously; the real asynchronous delivery is covered by the Chromium tests.
 * `sender`: who opened the port, as the browser reports it (a content script's tab and frame).
 */
export function createFakePort(name = 'glance:stream', sender?: Browser.runtime.MessageSender): FakePort {
  const messageListeners: Listener[] = [];
  const disconnectListeners: Array<(port: Browser.runtime.Port) => void> = [];
  const port = {
    name,
    sender,
    received: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error('Attempting to use a disconnected port object');
      port.received.push(structuredClone(message));
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: Listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: (p: Browser.runtime.Port) => void) => disconnectListeners.push(listener) },
    send(message: unknown) {
      for (const listener of messageListeners) listener(structuredClone(message));
    },
    clientDisconnect() {
      port.disconnected = true;
      for (const listener of disconnectListeners) listener(port as unknown as Browser.runtime.Port);
    },
  };
  return port as unknown as FakePort;
}
