/**
 * Realistic long answers for the chat benchmarks: Markdown with headings, paragraphs, lists,
 * emphasis, inline code, code blocks and tables, in the proportions chat answers have; the same
 * text every run (seeded). Split into one chunk per token, as OpenAI streams.
 */
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { seededRandom } from './seeded-random';

const WORDS = (
  'the a of to and in is that for it as with on be by this are or from at an can which your will not you more one ' +
  'page browser answer model token cost request stream render block text chunk window history budget summary ' +
  'extension popup server client latency memory quickly carefully usually simply clearly because however therefore ' +
  'first second next finally example result value function option setting storage network language question'
).split(' ');

function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  if (next() < 0.3) words[Math.floor(next() * length)] = `**${WORDS[Math.floor(next() * WORDS.length)]}**`;
  if (next() < 0.25) words[Math.floor(next() * length)] = `\`${WORDS[Math.floor(next() * WORDS.length)]}()\``;
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function block(next: () => number, index: number): string {
  const kind = next();
  if (index % 7 === 0) return `## Part ${index / 7 + 1}: ${sentence(next).slice(0, -1)}`;
  if (kind < 0.45) return Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
  if (kind < 0.65) return Array.from({ length: 3 + Math.floor(next() * 3) }, () => `- ${sentence(next)}`).join('\n');
  if (kind < 0.75) return Array.from({ length: 3 }, (_, i) => `${i + 1}. ${sentence(next)}`).join('\n');
  if (kind < 0.9) {
    const lines = Array.from(
      { length: 4 + Math.floor(next() * 8) },
      (_, i) => `  const value${i} = compute("${WORDS[Math.floor(next() * WORDS.length)]}", ${i});`,
    );
    return ['```js', 'function example() {', ...lines, '  return value0;', '}', '```'].join('\n');
  }
  const rows = Array.from(
    { length: 3 },
    () => `| ${WORDS[Math.floor(next() * WORDS.length)]} | ${Math.floor(next() * 1000)} | ${sentence(next).slice(0, 30)} |`,
  );
  return ['| name | count | note |', '|---|---:|---|', ...rows].join('\n');
}

/** A Markdown answer of about `tokens` o200k tokens, and the same text split one token a chunk. */
export async function answerOf(tokens: number, seed = 7): Promise<{ text: string; chunks: string[] }> {
  const ranks = (await import('gpt-tokenizer/bpeRanks/o200k_base')).default;
  const encoding = GptEncoding.getEncodingApi('o200k_base', () => ranks);
  const next = seededRandom(seed);
  const blocks: string[] = [];
  let text = '';
  for (let index = 0; encoding.countTokens(text) < tokens; index += 1) {
    blocks.push(block(next, index));
    text = blocks.join('\n\n');
  }
  const ids = encoding.encode(text);
  const chunks: string[] = [];
  for (const id of ids.slice(0, tokens)) chunks.push(encoding.decode([id]));
  return { text: chunks.join(''), chunks };
}
