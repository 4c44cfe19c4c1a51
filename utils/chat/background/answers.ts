import type { Conversation, MessageStatus } from '@/utils/chat/types';
import { AppError, toWireError, type WireError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import type { UsageReport } from '@/utils/llm/usage-report';
import { putMessage, type StoredMessage } from './conversations';

/**
 * Answers being written right now, by message id. Lives in the worker's memory on purpose: when
 * the worker is stopped its requests die with it, and this set starts empty in the next one, so
 * a stored answer still marked `streaming` is known to be interrupted.
 */
const live = new Set<string>();

/** Whether an answer is being streamed by this worker. */
export function isLive(messageId: string): boolean {
  return live.has(messageId);
}

/**
 * Registers an answer as being written before it is stored, so that a send racing it into the
 * same conversation already sees it (see `turns.ts`).
 */
export function claimLive(messageId: string): void {
  live.add(messageId);
}

/** Lets go of an answer claimed by {@link claimLive} that will not be written after all. */
export function releaseLive(messageId: string): void {
  live.delete(messageId);
}

/**
 * Marks answers left `streaming` by a stopped worker as interrupted, in storage too, so the page
 * shows them with Retry instead of waiting for text that will never come.
 */
export async function settleStale(conversation: Conversation, locale: Locale): Promise<Conversation> {
  if (!conversation.messages.some((message) => message.status === 'streaming' && !live.has(message.id))) return conversation;
  const error = toWireError(new AppError('interrupted'), locale);
  const writes: Promise<void>[] = [];
  const messages = conversation.messages.map((message, seq) => {
    if (message.status !== 'streaming' || live.has(message.id)) return message;
    const { jobId: _gone, ...rest } = message;
    const settled = { ...rest, status: 'interrupted' as const, error };
    writes.push(putMessage({ ...settled, conversationId: conversation.id, seq }));
    return settled;
  });
  await Promise.all(writes);
  return { ...conversation, messages };
}

/** How often a streaming answer is written to storage (at most; only when text arrived). */
export const WRITE_INTERVAL_MS = 250;

/** How an answer ended, as stored. */
export interface AnswerEnd {
  status: Exclude<MessageStatus, 'streaming'>;
  usage?: UsageReport;
  error?: WireError;
  reasoning?: string;
}

/**
 * Writes one answer to storage as it streams: at most every {@link WRITE_INTERVAL_MS}, in order,
 * then its end state. A failed write in the middle is made good by the next one; a failed final
 * write is thrown, so the user learns that the answer was not saved.
 */
export class AnswerWriter {
  private text = '';
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly message: StoredMessage,
    private readonly jobId: string,
    private readonly writeIntervalMs = WRITE_INTERVAL_MS,
    /** The question's own write, still on its way: the answer's writes come after it, and fail with it. */
    private readonly stored: Promise<void> = Promise.resolve(),
  ) {}

  /** This run's text so far. */
  get content(): string {
    return this.text;
  }

  /**
   * Registers the answer as live and stores it as streaming. The text from before (an answer
   * being regenerated) stays until new text arrives, so a retry that fails at once loses nothing.
   */
  async begin(): Promise<void> {
    live.add(this.message.id);
    try {
      await this.write({ ...this.message, status: 'streaming', jobId: this.jobId, error: undefined, usage: undefined });
    } catch (error) {
      live.delete(this.message.id);
      throw error;
    }
  }

  append(delta: string): void {
    this.text += delta;
    this.started = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.write({ ...this.message, content: this.text, status: 'streaming', jobId: this.jobId, error: undefined }).catch(
        (error) => console.error('answer write failed', error),
      );
    }, this.writeIntervalMs);
  }

  /** Stores how the answer ended; throws `storage_failed` when that write fails. */
  async finish(end: AnswerEnd): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const content = this.started ? this.text : this.message.content;
    const { jobId: _done, ...message } = this.message;
    try {
      await this.write(
        {
          ...message,
          content,
          status: end.status,
          usage: end.usage,
          error: end.error,
          reasoning: end.reasoning,
          endedAt: Date.now(),
        },
        true,
      );
    } finally {
      live.delete(this.message.id);
    }
  }

  /** Writes run one after another, so an older state can never land after a newer one. */
  private write(message: StoredMessage, touchConversation = false): Promise<void> {
    const next = this.chain.then(() => this.stored).then(() => putMessage(message, touchConversation));
    this.chain = next.catch(() => undefined);
    return next;
  }
}
