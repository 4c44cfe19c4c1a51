import type { TranslateSegment } from '@/utils/translate/types';

/** A part of the text to translate: prose (sent to the model) or a code block (never sent). */
export type SourcePiece = { kind: 'text'; id: string; text: string } | { kind: 'code'; text: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits Markdown into prose and fenced code blocks. Code is kept out of the request: it must not
 * be translated, and sending it would only pay for tokens the model has to copy back.
 */
export function splitSource(markdown: string): SourcePiece[] {
  const pieces: SourcePiece[] = [];
  let prose: string[] = [];
  let code: string[] | undefined;
  let fence = '';
  const flushProse = () => {
    const text = prose.join('\n').replace(/^\s*\n|\s+$/g, '');
    if (text.trim()) pieces.push({ kind: 'text', id: `s${pieces.filter((p) => p.kind === 'text').length + 1}`, text });
    prose = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const opening = FENCE.exec(line)?.[1];
    if (!code && opening) {
      flushProse();
      code = [line];
      fence = opening;
    } else if (code) {
      code.push(line);
      if (line.trim().startsWith(fence[0]!.repeat(fence.length)) && line.trim().replace(/[`~]/g, '') === '') {
        pieces.push({ kind: 'code', text: code.join('\n') });
        code = undefined;
      }
    } else {
      prose.push(line);
    }
  }
  // An unclosed fence is still code (Markdown runs it to the end).
  if (code) pieces.push({ kind: 'code', text: code.join('\n') });
  flushProse();
  return pieces;
}

/** The segments the translate action receives: the prose pieces, in order. */
export function segmentsOf(pieces: readonly SourcePiece[]): TranslateSegment[] {
  return pieces.flatMap((piece) => (piece.kind === 'text' ? [{ id: piece.id, text: piece.text }] : []));
}

/**
 * The translation so far as Markdown: translated prose and the original code blocks, in order.
 * A code block shows once the prose before it is finished (`done` segments are, and so is any
 * segment whose successor has started), so the text only ever grows at its end while streaming.
 */
export function joinTranslation(
  pieces: readonly SourcePiece[],
  translations: Readonly<Record<string, string>>,
  done: number,
): string {
  const texts = pieces.filter((piece) => piece.kind === 'text');
  const finished = (index: number) =>
    index < done || (texts[index + 1] !== undefined && translations[texts[index + 1]!.id] !== undefined);
  const parts: string[] = [];
  let textIndex = 0;
  for (const piece of pieces) {
    if (piece.kind === 'code') {
      if (textIndex > 0 && !finished(textIndex - 1)) break;
      parts.push(piece.text);
      continue;
    }
    // A finished segment may have come back empty (a model that dropped its marker).
    const translated = translations[piece.id] ?? (textIndex < done ? '' : undefined);
    if (translated === undefined) break;
    parts.push(translated);
    textIndex += 1;
  }
  return parts.filter((part) => part !== '').join('\n\n');
}
