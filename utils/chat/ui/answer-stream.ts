import type { ChatMessage } from '@/utils/chat/types';
import type { WireError } from '@/utils/errors';
import type { LiveText } from '@/utils/live-text';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { StreamHandlers } from '@/utils/stream-client';

/** What a streaming answer tells the chat that shows it. */
export interface AnswerEvents {
  /** Changes the answer's message (a job id, the first text, usage). */
  update(change: (message: ChatMessage) => ChatMessage): void;
  /** The stream ended: the answer's final message. */
  end(change: (message: ChatMessage) => ChatMessage): void;
  /** It failed before any text arrived. */
  failedBeforeText?(error: WireError): void;
}

/**
 * Stream events for one answer. Text goes into `live` (which the answer's view renders piece by
 * piece); the message itself changes only when the first text arrives and when the stream ends.
 * With `replacing` (Regenerate, Retry, re-attaching), what is shown stays until new text comes.
 */
export function answerStream(live: LiveText, replacing: boolean, events: AnswerEvents): StreamHandlers {
  let fresh = replacing;
  let received = false;
  const arrived = () => {
    if (received) return;
    received = true;
    events.update((m) => ({ ...m, content: live.text }));
  };
  return {
    onStarted: (jobId) => events.update((m) => ({ ...m, jobId })),
    onSnapshot: (text) => {
      fresh = false;
      live.reset(text);
      arrived();
    },
    onDelta: (text) => {
      if (fresh) live.reset(text);
      else live.append(text);
      fresh = false;
      arrived();
    },
    onUsage: (usage: UsageReport) => events.update((m) => ({ ...m, usage })),
    onDone: () => events.end(({ jobId: _job, error: _error, ...m }) => ({ ...m, content: live.text, status: 'done' })),
    onError: (error) => {
      const status = error.code === 'aborted' ? 'stopped' : received ? 'interrupted' : 'error';
      // Without new text, what was shown before stays (a retry that failed at once).
      events.end(({ jobId: _job, ...m }) => ({
        ...m,
        content: received ? live.text : m.content,
        status,
        error: status === 'stopped' ? undefined : error,
        endedAt: Date.now(),
      }));
      if (!received) events.failedBeforeText?.(error);
    },
  };
}
