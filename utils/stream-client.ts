import { browser, type Browser } from 'wxt/browser';
import { fromWireError, type WireError } from './errors';
import { t } from './i18n-core';
import { STREAM_PORT, type ActionInput, type ActionName, type ClientEvent, type StreamEvent } from '@/utils/protocol';
import type { UsageReport } from '@/utils/llm/usage-report';

/** Callbacks for one streamed request. Exactly one of `onDone` / `onError` ends it. */
export interface StreamHandlers {
  onStarted?(jobId: string): void;
  /** Text produced before this client attached (only after `attachStream`). */
  onSnapshot?(text: string): void;
  /** `segment`: the input segment the text belongs to, for segmented actions (translate). */
  onDelta(text: string, segment?: string): void;
  onProgress?(done: number, total: number): void;
  /** A finished part's text (a long summary's section notes). */
  onPart?(index: number, text: string): void;
  onUsage?(usage: UsageReport): void;
  onDone(finishReason: string): void;
  onError(error: WireError): void;
}

export interface StreamHandle {
  /** Asks the background to abort the request (the user's Stop). */
  stop(): void;
  /** Stops listening; whether the request continues is the action's choice. */
  detach(): void;
}

/** Starts an action in the background and streams its events to `handlers`. */
export function startStream<A extends ActionName>(action: A, input: ActionInput<A>, handlers: StreamHandlers): StreamHandle {
  return openStream({ type: 'start', action, input }, handlers);
}

/** Re-joins a request that is still running (or just finished) in the background. */
export function attachStream(jobId: string, handlers: StreamHandlers): StreamHandle {
  return openStream({ type: 'attach', jobId }, handlers);
}

function openStream(first: ClientEvent, handlers: StreamHandlers): StreamHandle {
  let port: Browser.runtime.Port | undefined;
  let ended = false;
  const end = () => {
    ended = true;
    port?.disconnect();
  };
  const fail = (error: WireError) => {
    if (ended) return;
    end();
    handlers.onError(error);
  };

  try {
    port = browser.runtime.connect({ name: STREAM_PORT });
  } catch {
    queueMicrotask(() => fail(disconnectedError()));
    return { stop: end, detach: end };
  }

  port.onMessage.addListener((raw: unknown) => {
    if (ended) return;
    const event = raw as StreamEvent;
    switch (event.type) {
      case 'started':
        handlers.onStarted?.(event.jobId);
        break;
      case 'snapshot':
        handlers.onSnapshot?.(event.text);
        break;
      case 'delta':
        handlers.onDelta(event.text, event.segment);
        break;
      case 'progress':
        handlers.onProgress?.(event.done, event.total);
        break;
      case 'part':
        handlers.onPart?.(event.index, event.text);
        break;
      case 'usage':
        handlers.onUsage?.(event.usage);
        break;
      case 'done':
        end();
        handlers.onDone(event.finishReason);
        break;
      case 'error':
        fail(fromWireError(event.error));
        break;
    }
  });
  // The background went away (service worker stopped, extension reloaded) before finishing.
  port.onDisconnect.addListener(() => fail(disconnectedError()));
  port.postMessage(first);

  return {
    stop() {
      if (ended) return;
      port?.postMessage({ type: 'stop' } satisfies ClientEvent);
    },
    detach: end,
  };
}

function disconnectedError(): WireError {
  return { code: 'disconnected', message: t('error_disconnected'), retryable: true };
}
