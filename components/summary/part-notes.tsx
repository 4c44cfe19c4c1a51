import { MarkdownView } from '@/components/markdown-view';
import { t } from '@/utils/i18n';

/** The first words of a part's notes, for its folded line. */
function preview(text: string): string {
  const line = text
    .replace(/[#>*_`-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/**
 * Notes on each part of a long page as the parts finish, while the whole summary is still being
 * made: something to read from the first seconds, instead of a counter. Each part folds (the
 * newest open), in page order; the summary that combines them replaces them when it is done.
 */
export interface PartNotesProps {
  parts: { index: number; text: string }[];
  total: number;
  onCopyCode?(code: string): void;
}

export function PartNotes({ parts, total, onCopyCode }: PartNotesProps) {
  if (parts.length === 0) return null;
  const newest = parts.at(-1)!.index;
  const ordered = [...parts].sort((a, b) => a.index - b.index);
  return (
    <section class="part-notes" aria-label={t('summaryPartNotes')}>
      {ordered.map((part) => (
        <details key={part.index} open={part.index === newest}>
          <summary>
            <span class="part-label">{t('summaryPartLabel', { n: part.index + 1, total })}</span>{' '}
            <span class="hint">{preview(part.text)}</span>
          </summary>
          <MarkdownView text={part.text} onCopyCode={onCopyCode} />
        </details>
      ))}
    </section>
  );
}
