import { chunkMarkdown, type CountTokens } from './chunking';

/** Words of a question worth looking for: Latin words of 2+ letters, and CJK character pairs. */
function queryTerms(question: string): string[] {
  const terms = new Set<string>();
  for (const word of question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word)) {
      const characters = Array.from(word);
      if (characters.length === 1) terms.add(word);
      for (let i = 0; i + 1 < characters.length; i++) terms.add(characters[i]! + characters[i + 1]!);
    } else if (word.length >= 2 && !STOP_WORDS.has(word)) {
      terms.add(word);
    }
  }
  return [...terms];
}

const STOP_WORDS = new Set(
  'the and for are but not you all any can had her was one our out has him his how its may new now old see two who did get let say she too use what when where which why with this that from they will would there their about does into than then them these some could other your more most also just like over such only'.split(
    ' ',
  ),
);

/**
 * For a page too long to send whole with a question: the passages that best match the question,
 * in page order, within `budget` tokens (passages are section-aware chunks of about 1/8 of it).
 * With nothing matching, the beginning of the page.
 */
export function selectExcerpts(markdown: string, question: string, budget: number, count: CountTokens): string {
  if (budget <= 0) return '';
  const chunks = chunkMarkdown(markdown, Math.max(100, Math.floor(budget / 8)), count);
  const terms = queryTerms(question);
  const scored = chunks.map((chunk, index) => {
    const text = chunk.text.toLowerCase();
    let score = 0;
    for (const term of terms) {
      const hits = text.split(term).length - 1;
      if (hits > 0) score += 1 + Math.log(hits);
    }
    return { chunk, index, score };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: typeof scored = [];
  let used = 0;
  for (const candidate of ranked) {
    if (used + candidate.chunk.tokens + 2 > budget) continue;
    chosen.push(candidate);
    used += candidate.chunk.tokens + 2;
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map(({ chunk }) => chunk.text)
    .join('\n\n[…]\n\n');
}
