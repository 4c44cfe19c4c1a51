import { collapse, tagOf } from './markdown-text';

/**
 * A summary's table. A data table becomes pipe rows (a header rule under a header row, pipes in
 * cells escaped); a layout table (one column, or cells holding paragraphs or other tables, as old
 * sites and e-mails are built) becomes the blocks of its cells, in order. `blocksOf` converts a
 * cell's content to Markdown blocks.
 */
export function dataTable(element: Element, blocksOf: (cell: Element) => string[]): string[] {
  const rows = Array.from(element.querySelectorAll('tr')).filter((row) => row.closest('table') === element);
  const cells = rows.map((row) =>
    Array.from(row.children)
      .filter((cell) => tagOf(cell) === 'TD' || tagOf(cell) === 'TH')
      .map((cell) => ({ cell, blocks: blocksOf(cell) })),
  );
  const width = Math.max(0, ...cells.map((row) => row.length));
  const caption = Array.from(element.children).find((child) => tagOf(child) === 'CAPTION');
  const captionText = caption ? collapse(caption.textContent ?? '').trim() : '';
  const layout =
    width <= 1 || cells.some((row) => row.some(({ cell, blocks }) => blocks.length > 1 || cell.querySelector('table')));
  if (layout) return [captionText, ...cells.flatMap((row) => row.flatMap(({ blocks }) => blocks))].filter(Boolean);
  const lines = cells
    .map((row) => row.map(({ blocks }) => collapse(blocks.join(' ')).replace(/\|/g, '\\|').trim()))
    .filter((row) => row.some((cell) => cell))
    // No outer pipes: GFM does not need them, and they are two tokens a row.
    .map((row) => row.join(' | '));
  const firstRow = rows[0];
  const hasHeader = !!firstRow && Array.from(firstRow.children).some((cell) => tagOf(cell) === 'TH');
  if (hasHeader && lines.length > 0) lines.splice(1, 0, Array(width).fill('---').join(' | '));
  return [captionText, lines.join('\n')].filter((text) => text !== '');
}
