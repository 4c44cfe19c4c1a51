import type { ChatMessage } from './types';
import type { ChatTurn } from '@/utils/llm/request';

/**
 * The earlier messages a follow-up may resend: every question, and the answers the user saw
 * (finished, stopped or interrupted). Failed answers carry no text and are left out.
 */
export function historyTurns(messages: readonly ChatMessage[]): ChatTurn[] {
  return messages
    .filter((message) => message.role === 'user' || (message.content.length > 0 && message.status !== 'error'))
    .map((message) => ({ role: message.role, content: message.content }));
}

const TITLE_CHARS = 60;

/** A conversation's title from its first message: one line, cut at a word where it can be. */
export function titleFrom(text: string): string {
  // The start is enough, and a pasted megabyte is not split into characters for a title.
  const line = text
    .slice(0, TITLE_CHARS * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (Array.from(line).length <= TITLE_CHARS) return line;
  const cut = Array.from(line).slice(0, TITLE_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
