/**
 * Bundled by chat-render.bench.ts into a page of its own: the answer renderer alone, timed over
 * the same chunks the popup receives.
 */
import { IncrementalMarkdown } from '@/utils/markdown';

/** Appends every chunk into a fresh renderer; returns the milliseconds spent in `append`. */
function renderChunks(chunks: string[]): { totalMs: number; maxMs: number } {
  const container = document.createElement('div');
  container.className = 'markdown';
  document.body.append(container);
  const renderer = new IncrementalMarkdown(container);
  let totalMs = 0;
  let maxMs = 0;
  for (const chunk of chunks) {
    const started = performance.now();
    renderer.append(chunk);
    const spent = performance.now() - started;
    totalMs += spent;
    maxMs = Math.max(maxMs, spent);
  }
  container.remove();
  return { totalMs, maxMs };
}

(globalThis as unknown as { renderChunks: typeof renderChunks }).renderChunks = renderChunks;
