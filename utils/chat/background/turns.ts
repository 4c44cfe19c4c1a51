import { historyTurns, titleFrom } from '@/utils/chat/messages';
import type { ChatInput } from '@/utils/chat/types';
import { AppError } from '@/utils/errors';
import type { ChatTurn } from '@/utils/llm/request';
import type { Settings } from '@/utils/settings';
import { refuse } from '@/utils/background/validate';
import { claimLive, isLive, releaseLive } from './answers';
import { changeConversation, type StoredMessage } from './conversations';

/** What a chat request is built from, once the conversation has been read. */
export interface ChatRequestInput {
  model: string;
  /** Earlier messages, oldest first (see `historyTurns`). */
  history: ChatTurn[];
  /** The question to answer. */
  message: string;
}

/** The answer to write and the request's ingredients, once the conversation is up to date. */
export interface PreparedTurn {
  answer: StoredMessage;
  request: ChatRequestInput;
  /** Settles when the new turn is stored (it may still be on its way when the request is built). */
  stored?: Promise<void>;
}

/**
 * One answer at a time per conversation: a second would interleave with the first. Checked
 * inside the transaction that stores the new turn, so two popups sending at once cannot both
 * pass; the refusal says why in plain words (the other answer may be in another window).
 */
function ensureIdle(messages: StoredMessage[]): void {
  if (messages.some((m) => isLive(m.id))) throw new AppError('chat_busy');
}

/**
 * Claims `answerId` as live inside the transaction (so the next transaction on this conversation
 * sees it) and lets go of it when the transaction fails after all.
 */
async function claimed<T>(answerId: string, change: (claim: () => void) => Promise<T>): Promise<T> {
  let claimedHere = false;
  try {
    return await change(() => {
      claimLive(answerId);
      claimedHere = true;
    });
  } catch (error) {
    if (claimedHere) releaseLive(answerId);
    throw error;
  }
}

/**
 * Stores a new question and its (empty, streaming) answer, and makes the conversation current,
 * in one transaction with the checks and the sequence numbers they depend on. Returns once the
 * checks passed and the writes are asked for: the request need not wait for their commit
 * (`stored` says how it went; the answer's writes wait for it).
 */
export async function prepareSend(input: Extract<ChatInput, { op: 'send' }>): Promise<PreparedTurn> {
  return claimed(input.answerId, async (claim) => {
    let prepared: PreparedTurn | undefined;
    let decided = () => {};
    const asked = new Promise<void>((resolve) => {
      decided = resolve;
    });
    const stored = changeConversation(
      input.conversationId,
      [input.messageId, input.answerId],
      ({ record, messages, taken }) => {
        // Ids are keys of the whole store: reusing one would move a message out of its conversation.
        if (taken.size > 0) refuse('message ids in use');
        ensureIdle(messages);
        const now = Date.now();
        const seq = (messages.at(-1)?.seq ?? -1) + 1;
        const { conversationId, messageId, answerId, text, model } = input;
        const question: StoredMessage = {
          id: messageId,
          conversationId,
          seq,
          role: 'user',
          content: text,
          status: 'done',
          createdAt: now,
        };
        const answer: StoredMessage = {
          id: answerId,
          conversationId,
          seq: seq + 1,
          role: 'assistant',
          content: '',
          status: 'streaming',
          createdAt: now,
          model,
        };
        const base = record ?? {
          id: conversationId,
          title: titleFrom(text),
          model,
          createdAt: now,
          updatedAt: now,
          messageCount: 0,
        };
        claim();
        prepared = { answer, request: { model, history: historyTurns(messages), message: text } };
        return {
          // The model picked in the popup wins: switching models is per conversation.
          record: { ...base, model, updatedAt: Math.max(now, base.updatedAt), messageCount: messages.length + 2 },
          messages: [question, answer],
          current: true,
        };
      },
      decided,
    );
    // A refusal (ids in use, an answer under way) or a failed read rejects before the writes are asked for.
    await Promise.race([asked, stored]);
    return { ...prepared!, stored };
  });
}

/** Claims the last answer of a conversation to be answered again, checked in one transaction. */
export async function prepareRegenerate(
  input: Extract<ChatInput, { op: 'regenerate' }>,
  settings: Settings,
): Promise<PreparedTurn> {
  return claimed(input.answerId, async (claim) => {
    let prepared: PreparedTurn | undefined;
    await changeConversation(input.conversationId, [], ({ record, messages }) => {
      if (!record) refuse('no such conversation');
      const index = messages.findIndex((m) => m.id === input.answerId);
      const answer = messages[index];
      // Only the last answer: regenerating an earlier one would leave later turns answering another text.
      if (answer?.role !== 'assistant' || index !== messages.length - 1) refuse('not the last answer');
      ensureIdle(messages);
      const questionIndex = messages.findLastIndex((m, i) => i < index && m.role === 'user');
      if (questionIndex < 0) refuse('no question to answer');
      // An imported conversation may name no model: answer with the default one.
      const model = record.model || settings.model;
      claim();
      prepared = {
        answer: { ...answer, model },
        request: { model, history: historyTurns(messages.slice(0, questionIndex)), message: messages[questionIndex]!.content },
      };
      return { current: true };
    });
    return prepared!;
  });
}
