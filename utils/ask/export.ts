import type { PageConversation } from './types';

/**
 * Page conversations as Markdown for people to keep: each page, each question and answer, and
 * under each answer the passages it cites, quoted, so that the answer can be checked without the
 * page. Pure.
 */
export function conversationsToMarkdown(conversations: readonly PageConversation[]): string {
  const out: string[] = [];
  for (const conversation of conversations) {
    out.push(`# ${conversation.title || conversation.url}`, '', `<${conversation.url}>`, '');
    for (const turn of conversation.turns) {
      out.push(`## ${turn.question.replace(/\s+/g, ' ').trim()}`, '');
      if (turn.selection) out.push(`> ${turn.selection.replace(/\n/g, '\n> ')}`, '');
      if (turn.answer) out.push(turn.answer.trim(), '');
      const cited = new Set([...turn.answer.matchAll(/\[(\d{1,6})\]/g)].map((match) => Number(match[1])));
      const passages = turn.passages.filter((passage) => cited.has(passage.n));
      for (const passage of passages) out.push(`> [${passage.n}] ${passage.text.replace(/\n/g, '\n> ')}`, '');
    }
  }
  return `${out.join('\n').trim()}\n`;
}
