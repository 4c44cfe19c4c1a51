import { useRef } from 'preact/hooks';
import type { Dictation, DictationHook } from './use-dictation';

const NO_DICTATION: Dictation = {
  phase: 'idle',
  elapsedMs: 0,
  level: 0,
  costUsd: null,
  notice: null,
  pending: [],
  toggle() {},
  discard() {},
  retry() {},
  drop() {},
};
const useNoDictation: DictationHook = () => NO_DICTATION;

export interface FieldDictationOptions {
  /** Names the field ('popup-chat', 'popup-translate'...) so its recordings come back to it; none: no voice. */
  composer?: string;
  /** The dictation hook (use-dictation.ts); none: no voice. It stays the same for the field's lifetime. */
  useVoice?: DictationHook;
  /** False while the field's text is still loading (a transcript must not race it). */
  ready: boolean;
  text: string;
  onText(next: string): void;
}

/**
 * Dictation into a text field: the transcript goes in at the cursor as it streams (after a space
 * when it follows a word), and is never sent: the user reads it first. Returns the dictation and
 * the ref the field must carry; `enabled` says whether the page turned voice on.
 */
export function useFieldDictation(options: FieldDictationOptions) {
  const field = useRef<HTMLTextAreaElement>(null);
  const text = useRef(options.text);
  text.current = options.text;
  const insertAt = useRef(0);
  const enabled = !!(options.composer && options.useVoice);

  function insertAfter(piece: string) {
    const current = text.current;
    const at = Math.min(insertAt.current, current.length);
    const next = current.slice(0, at) + piece + current.slice(at);
    insertAt.current = at + piece.length;
    text.current = next;
    options.onText(next);
    const cursor = insertAt.current;
    requestAnimationFrame(() => field.current?.setSelectionRange(cursor, cursor));
  }

  const dictation = (enabled ? options.useVoice! : useNoDictation)({
    composer: options.composer ?? '',
    ready: options.ready,
    beginInsert() {
      const current = text.current;
      insertAt.current = Math.min(field.current?.selectionEnd ?? current.length, current.length);
      if (insertAt.current > 0 && !/\s$/.test(current.slice(0, insertAt.current))) insertAfter(' ');
    },
    insert: insertAfter,
  });
  return { dictation, field, enabled };
}
