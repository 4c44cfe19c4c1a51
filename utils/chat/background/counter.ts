import type { ChatCounter } from '@/utils/chat/history-budget';
import type { ChatTurn } from '@/utils/llm/request';
import { getTokenizer, type EncodingName } from '@/utils/llm/tokens';

/**
 * Token counts of chat messages, remembered. The composer asks for an estimate as the user
 * types, and each estimate counts the whole history again: remembered, only the new text costs
 * anything (hashing a string is ~100 times faster than tokenizing it).
 */
const MAX_ENTRIES = 2_000;
const MAX_CHARS = 20_000_000;

interface Cache {
  counts: Map<string, number>;
  chars: number;
}

const caches = new Map<EncodingName, Cache>();

/** A counter for `model` that remembers each message's count; `exact` as for its tokenizer. */
export async function chatCounter(model: string): Promise<ChatCounter & { exact: boolean }> {
  const tokenizer = await getTokenizer(model);
  let cache = caches.get(tokenizer.encoding);
  if (!cache) {
    cache = { counts: new Map(), chars: 0 };
    caches.set(tokenizer.encoding, cache);
  }
  const framing = tokenizer.countChat([]);
  const turnTokens = (turn: ChatTurn) => {
    const key = `${turn.role}\u0000${turn.content}`;
    let tokens = cache.counts.get(key);
    if (tokens === undefined) {
      tokens = tokenizer.countChat([turn]) - framing;
      if (cache.counts.size >= MAX_ENTRIES || cache.chars + key.length > MAX_CHARS) {
        cache.counts.clear();
        cache.chars = 0;
      }
      cache.counts.set(key, tokens);
      cache.chars += key.length;
    }
    return tokens;
  };
  return {
    exact: tokenizer.exact,
    countChat: (turns) => turns.reduce((sum, turn) => sum + turnTokens(turn), framing),
  };
}

const utf8 = new TextEncoder();

/**
 * Counts that need no tokenizer and are never below the real ones: a token is at least one byte
 * of UTF-8, and each message's framing at most 3 tokens plus its role. Loose (English is about
 * four bytes a token), so only good for "everything fits".
 */
export const byteBound: ChatCounter = {
  countChat: (turns) => turns.reduce((sum, turn) => sum + 3 + utf8.encode(turn.role + turn.content).length, 3),
};
