import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { getEncodingParams } from 'gpt-tokenizer/modelParams';
import { compareUint8Arrays } from 'gpt-tokenizer/utfUtil';

/** One merge rank: the text a token stands for, or its bytes when they are not valid UTF-8. */
export type Rank = string | number[] | null;

/** Lets other tasks (a port message, a stream delta) run between two slices of work. */
export type YieldNow = () => Promise<void>;

const yieldToEvents: YieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Ranks handled per slice: about 5 ms of work each on a slow machine. */
const SLICE = 10_000;
/** Bytes of the ranks file decoded and parsed per slice (about 10,000 lines). */
const SLICE_BYTES = 100_000;
const NEWLINE = 10;

/**
 * Parses the ranks file (one JSON value per line, UTF-8) a slice at a time, decoding each slice
 * as it goes. One `JSON.parse` of the whole 2 MB array held the service worker for 100–200 ms,
 * and decoding the whole file as text (`response.text()`) another 90–150 ms, during which a Send
 * or a stream's next text waited. A line break is one byte in UTF-8, never inside a character,
 * so the file is cut at line breaks before decoding.
 */
export async function parseRankLines(bytes: Uint8Array, yieldNow: YieldNow = yieldToEvents): Promise<Rank[]> {
  const ranks: Rank[] = [];
  const decoder = new TextDecoder();
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, Math.min(bytes.length, start + SLICE_BYTES));
    const stop = end === -1 ? bytes.length : end;
    const slice = decoder.decode(bytes.subarray(start, stop)).trim();
    if (slice) ranks.push(...(JSON.parse(`[${slice.replaceAll('\n', ',')}]`) as Rank[]));
    start = stop + 1;
    await yieldNow();
  }
  return ranks;
}

/** The ranks file's text: one JSON value per line (what the build writes), unused ranks as null. */
export function rankLines(ranks: readonly Rank[]): string {
  return Array.from(ranks, (rank) => JSON.stringify(rank ?? null)).join('\n');
}

/** gpt-tokenizer's processor fields that its constructor fills from the ranks in one go. */
interface Processor {
  bytePairRankDecoder: Rank[];
  bytePairStringRankEncoder: Map<string, number>;
  bytePairNonUtfRankDecoder: Map<number, Uint8Array>;
  bytePairNonUtfSortedEncoder: [Uint8Array, number][];
  mergeableBytePairRankCount: number;
}

/**
 * A gpt-tokenizer encoding built a slice at a time. Its constructor turns 200,000 ranks into
 * lookup maps in one 150–400 ms task, which in the service worker blocked every message and
 * stream behind it (the composer's estimate warms the tokenizer while the user types, so a Send
 * pressed then waited). Here the encoding is constructed empty and the same maps are filled in
 * slices. A unit test compares its counts with the
 * library's own construction.
 */
export async function buildEncoding(
  encoding: 'o200k_base' | 'cl100k_base',
  ranks: Rank[],
  yieldNow: YieldNow = yieldToEvents,
): Promise<GptEncoding> {
  const params = getEncodingParams(encoding, () => []);
  const Encoding = GptEncoding as unknown as new (params: object) => GptEncoding;
  const api = new Encoding(params);
  const processor = (api as unknown as { bytePairEncodingCoreProcessor: Processor }).bytePairEncodingCoreProcessor;
  const strings = new Map<string, number>();
  const bytes: [Uint8Array, number][] = [];
  let present = 0;
  for (let start = 0; start < ranks.length; start += SLICE) {
    const end = Math.min(ranks.length, start + SLICE);
    for (let rank = start; rank < end; rank += 1) {
      const value = ranks[rank];
      // Unused ranks are holes in the package's arrays and null in the JSON file: both skipped.
      if (value === null || value === undefined) continue;
      present += 1;
      if (typeof value === 'string') strings.set(value, rank);
      else bytes.push([new Uint8Array(value), rank]);
    }
    await yieldNow();
  }
  // The merge ranks run up to the special tokens (a gap of one rank at most): a truncated file fails.
  const firstSpecial = Math.min(...params.specialTokensEncoder.values());
  if (ranks.length < firstSpecial - 1) {
    throw new Error(`${encoding}: ${ranks.length} ranks, expected ${firstSpecial - 1} (a damaged ranks file)`);
  }
  processor.bytePairRankDecoder = ranks;
  processor.bytePairStringRankEncoder = strings;
  processor.bytePairNonUtfRankDecoder = new Map(bytes.map(([array, rank]) => [rank, array]));
  processor.bytePairNonUtfSortedEncoder = bytes.sort((a, b) => compareUint8Arrays(a[0], b[0]));
  processor.mergeableBytePairRankCount = present;
  return api;
}
