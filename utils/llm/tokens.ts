import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import type { ChatTurn } from '@/utils/llm/request';
import type { Rank } from './tokenizer-slices';

/** The tokenizer encodings Glance ships (as JSON assets, loaded on first use). */
export type EncodingName = 'o200k_base' | 'cl100k_base';

/** A token count, and whether it is exact (the model's own encoding) or an estimate. */
export interface TokenCount {
  tokens: number;
  exact: boolean;
}

/** Counts tokens for one model. */
export interface Tokenizer {
  encoding: EncodingName;
  /** True for OpenAI models (their own encoding); other providers' models get an estimate. */
  exact: boolean;
  count(text: string): number;
  /** Prompt tokens a chat request will be billed for (messages only, no tools). */
  countChat(turns: readonly ChatTurn[]): number;
}

/** Where the merge ranks of an encoding come from: the extension's assets, or (Node) the package. */
export type RanksLoader = (encoding: EncodingName) => Promise<Rank[]>;

/**
 * The ranks are 1.7 MB (o200k) and 0.8 MB (cl100k) of data. Bundled into the background they
 * made every service-worker start ~400 ms slower, so they are fetched from the extension's own
 * files (one JSON value per line) the first time a count is needed, and parsed a slice at a time.
 */
const fetchFromExtension: RanksLoader = async (encoding) => {
  // The extension's own URL for a file; the global API, so that pure modules stay polyfill-free.
  const runtime = (globalThis as { chrome?: { runtime: { getURL(path: string): string } } }).chrome?.runtime;
  const response = await fetch(runtime!.getURL(`/tokenizer/${encoding}.ndjson`));
  const { parseRankLines } = await import('./tokenizer-slices');
  return parseRankLines(new Uint8Array(await response.arrayBuffer()));
};

let loadRanks: RanksLoader = fetchFromExtension;
const apis = new Map<EncodingName, Promise<GptEncoding>>();

/** Replaces where ranks are loaded from (Node tests and benchmarks read them from the package). */
export function setRanksLoader(loader: RanksLoader): void {
  loadRanks = loader;
  apis.clear();
}

/** The encoding a model uses, and whether that makes counts exact. */
export function encodingForModel(model: string): { encoding: EncodingName; exact: boolean } {
  const name = model.toLowerCase().replace(/^openai\//, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt-4o|gpt-oss)/.test(name)) return { encoding: 'o200k_base', exact: true };
  if (/^(gpt-3\.5|gpt-4(?![o.])|text-embedding-3|text-embedding-ada)/.test(name)) return { encoding: 'cl100k_base', exact: true };
  return { encoding: 'o200k_base', exact: false };
}

// Page text may contain strings like "<|endoftext|>": count them as the text they are.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

// OpenAI's chat format: each message costs 3 tokens of framing plus its role and content,
// and every reply is primed with 3 more (openai-cookbook, "How to count tokens"). The gpt-5
// family primes with one token less: a recorded gpt-5 call (tests/fixtures/openai/recorded/
// pydantic-ai/chat-stream-gpt5-moderation) reports 13 prompt tokens where gpt-4o reports 14.
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;
const REPLY_PRIMING_GPT5 = 2;

/** Loads (once) and returns the tokenizer for a model. */
export async function getTokenizer(model: string): Promise<Tokenizer> {
  const { encoding, exact } = encodingForModel(model);
  let api = apis.get(encoding);
  if (!api) {
    // The tokenizer's code is loaded with its ranks, on first use: nothing at start-up needs it.
    api = Promise.all([loadRanks(encoding), import('./tokenizer-slices')]).then(([ranks, { buildEncoding }]) =>
      buildEncoding(encoding, ranks),
    );
    api.catch(() => apis.delete(encoding));
    apis.set(encoding, api);
  }
  const { countTokens } = await api;
  const count = (text: string) => countTokens(text, AS_TEXT);
  const priming = /^(openai\/)?gpt-5/i.test(model.trim()) ? REPLY_PRIMING_GPT5 : REPLY_PRIMING;
  return {
    encoding,
    exact,
    count,
    countChat(turns) {
      let tokens = priming;
      for (const turn of turns) tokens += PER_MESSAGE + count(turn.role) + count(turn.content);
      return tokens;
    },
  };
}
