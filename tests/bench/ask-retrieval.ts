/**
 * The Node half of `npm run bench -- ask`: retrieval recall on long pages with known-answer
 * questions, and the size of the whole request for one question on a 150,000-token page.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { splitBlocks, type PageBlock } from '@/utils/ask/blocks';
import { buildAskRequest } from '@/utils/ask/prompt';
import { selectBlocks } from '@/utils/ask/retrieve';
import type { Tokenizer } from '@/utils/llm/tokens';
import { htmlToMarkdown } from '@/utils/page/html-to-markdown';
import { seededRandom } from './seeded-random';

export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A fixture article as the extractor's Markdown (its reference `expected.html`). */
type Jsdom = new (html: string) => { window: { document: Document } };

function articleMarkdown(JSDOM: Jsdom, root: string, name: string): { name: string; markdown: string; cjk: boolean } {
  const html = readFileSync(path.join(root, name, 'expected.html'), 'utf8');
  const dom = new JSDOM(`<body>${html}</body>`);
  const markdown = htmlToMarkdown(dom.window.document.body);
  const cjkCharacters = (markdown.match(new RegExp(CJK.source, 'gu')) ?? []).length;
  return { name, markdown, cjk: cjkCharacters > 300 };
}

export interface LongPage {
  name: string;
  markdown: string;
  cjk: boolean;
  tokens: number;
}

/**
 * Long pages: every fixture article over the budget on its own, plus the articles concatenated
 * into pages of about 40,000 tokens (English) and one page of all the CJK articles.
 */
export async function longPages(root: string, tokenizer: Tokenizer, budget: number): Promise<LongPage[]> {
  // jsdom ships no types; it is only the benchmark's DOM.
  const jsdom = 'jsdom';
  const { JSDOM } = (await import(jsdom)) as { JSDOM: Jsdom };
  const names = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'expected.html')))
    .sort();
  const articles = names.map((name) => articleMarkdown(JSDOM, root, name));
  const out: LongPage[] = [];
  for (const article of articles) {
    const tokens = tokenizer.count(article.markdown);
    if (tokens > budget * 1.5) out.push({ ...article, tokens });
  }
  let group: string[] = [];
  let groupTokens = 0;
  let index = 0;
  for (const article of articles.filter((one) => !one.cjk)) {
    group.push(article.markdown);
    groupTokens += tokenizer.count(article.markdown);
    if (groupTokens >= 40_000) {
      out.push({ name: `english-group-${++index}`, markdown: group.join('\n\n'), cjk: false, tokens: groupTokens });
      group = [];
      groupTokens = 0;
    }
  }
  const cjk = articles
    .filter((one) => one.cjk)
    .map((one) => one.markdown)
    .join('\n\n');
  out.push({ name: 'cjk-all', markdown: cjk, cjk: true, tokens: tokenizer.count(cjk) });
  return out;
}

const STOP = new Set(
  'the a an and or of to in on at by is are was were be been it its as for with that this from his her their they he she we you i not but have has had will would can could which who what when where there than then also more most into about over after before such these those some other only all any one two may said'.split(
    ' ',
  ),
);

/**
 * A known-answer question for a block: three content words of one of its sentences, shuffled,
 * or for CJK text two short spans of it (3–4 characters), in a question frame. The answer is the block the words come from.
 */
function questionFor(block: PageBlock, random: () => number): string | null {
  const sentences = block.plain.split(/(?<=[.!?。！？])\s*/u).filter((s) => s.length > 20);
  if (!sentences.length) return null;
  const sentence = sentences[Math.floor(random() * sentences.length)]!;
  if (CJK.test(sentence)) {
    const characters = Array.from(sentence.replace(/[^\p{L}\p{N}]/gu, ''));
    if (characters.length < 12) return null;
    const span = () => {
      const start = Math.floor(random() * (characters.length - 4));
      return characters.slice(start, start + 3 + Math.floor(random() * 2)).join('');
    };
    return `关于“${span()}”和“${span()}”，页面怎么说？`;
  }
  const words = (sentence.match(/[\p{L}\p{N}']+/gu) ?? []).filter((word) => word.length > 2 && !STOP.has(word.toLowerCase()));
  if (words.length < 5) return null;
  const chosen = [...words].sort(() => random() - 0.5).slice(0, 3);
  return `What does the page say about ${chosen.join(' ')}?`;
}

export interface RecallRow {
  name: string;
  cjk: boolean;
  tokens: number;
  blocks: number;
  questions: number;
  hits: number;
  recall: number;
  /** Median page tokens sent. */
  sentTokens: number;
}

/** Recall at `budget`: for each of `perPage` questions, is its answer block among those sent? */
export function recall(page: LongPage, tokenizer: Tokenizer, budget: number, perPage: number, seed: number): RecallRow {
  const random = seededRandom(seed);
  const blocks = splitBlocks(page.markdown);
  const candidates = blocks.filter((block) => (block.kind === 'paragraph' || block.kind === 'item') && block.plain.length > 60);
  let questions = 0;
  let hits = 0;
  const sent: number[] = [];
  for (let attempt = 0; attempt < perPage * 4 && questions < perPage && candidates.length; attempt++) {
    const block = candidates[Math.floor(random() * candidates.length)]!;
    const question = questionFor(block, random);
    if (!question) continue;
    questions++;
    const chosen = selectBlocks(blocks, question, budget, tokenizer.count);
    sent.push(chosen.tokens);
    if (chosen.sent.includes(block.n)) hits++;
  }
  sent.sort((a, b) => a - b);
  return {
    name: page.name,
    cjk: page.cjk,
    tokens: page.tokens,
    blocks: blocks.length,
    questions,
    hits,
    recall: questions ? hits / questions : 1,
    sentTokens: sent[Math.floor(sent.length / 2)] ?? 0,
  };
}

/** The whole request (system prompt, page blocks, question) for one question on a page of ≥ `target` tokens. */
export function requestOnHugePage(pages: LongPage[], tokenizer: Tokenizer, budget: number, target = 150_000) {
  const english = pages.filter((page) => !page.cjk);
  const parts: string[] = [];
  let tokens = 0;
  for (let i = 0; tokens < target; i++) {
    const page = english[i % english.length]!;
    parts.push(page.markdown);
    tokens += page.tokens;
  }
  const markdown = parts.join('\n\n');
  const blocks = splitBlocks(markdown);
  const question = 'What does the page say about the privacy of people who are not on Facebook?';
  const chosen = selectBlocks(blocks, question, budget, tokenizer.count);
  const sent = new Set(chosen.sent);
  const spec = buildAskRequest({
    title: 'A very long page',
    url: 'https://example.com/long',
    blocks: blocks.filter((block) => sent.has(block.n)),
    history: [],
    question,
    model: 'gpt-4o-mini',
  });
  return {
    pageTokens: tokenizer.count(markdown),
    blocks: blocks.length,
    sentBlocks: chosen.sent.length,
    sentPageTokens: chosen.tokens,
    requestTokens: tokenizer.countChat(spec.turns),
  };
}
