import { formatNumber } from '@/utils/locale-format';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WireError } from '@/utils/errors';
import { resolveLocale, t, type LocalePreference } from '@/utils/i18n';
import type { UsageReport } from '@/utils/llm/usage-report';
import { startStream, type StreamHandle } from '@/utils/stream-client';
import { addUsageReports } from '@/utils/llm/usage-report';
import { joinTranslation, segmentsOf, splitSource, type SourcePiece } from '@/utils/translate/segments';

/** Where a translation stands, for the card and the popup. */
export interface TranslationState {
  status: 'idle' | 'working' | 'done' | 'error';
  /** The translation so far, as Markdown, code blocks in place. */
  markdown: string;
  error?: WireError;
  /** Usage of every request made for this text so far (retries included). */
  usage?: UsageReport;
  progress?: { done: number; total: number };
  /** 'length' when the model hit its output limit before the end. */
  finishReason?: string;
  /** The text held only code: nothing was sent. */
  nothingToTranslate?: boolean;
}

/** The refusal of a text over the size limit, with its size; undefined when it is within. */
export function tooLargeError(
  text: string,
  settings: { translateMaxChars: number; uiLanguage: LocalePreference },
): WireError | undefined {
  if (text.length <= settings.translateMaxChars) return undefined;
  const number = (n: number) => formatNumber(n, resolveLocale(settings.uiLanguage));
  const size = t('translateSize', { chars: number(text.length), limit: number(settings.translateMaxChars) });
  return { code: 'too_large', message: t('error_too_large', { size }), retryable: false };
}

/** What to say when a translation ended short: nothing to translate, or cut at the output limit. */
export function finishNotice(state: TranslationState): string | undefined {
  if (state.nothingToTranslate) return t('translateNothing');
  return state.finishReason === 'length' ? t('translateTruncated') : undefined;
}

interface Run {
  pieces: SourcePiece[];
  target: string;
  source?: string;
  translations: Record<string, string>;
  done: number;
  /** Usage of the earlier requests of this text (before a resume). */
  previousUsage?: UsageReport;
  usage?: UsageReport;
}

/**
 * Runs the translate action for a text and keeps its state. The text's code blocks stay out of
 * the request; a failed translation resumes from the first segment that did not finish, so the
 * segments already paid for are not paid for again. Leaving (unmount) detaches, which aborts.
 */
export function useTranslation() {
  const [state, setState] = useState<TranslationState>({ status: 'idle', markdown: '' });
  const run = useRef<Run | undefined>(undefined);
  const handle = useRef<StreamHandle | undefined>(undefined);

  useEffect(() => () => handle.current?.detach(), []);

  const stream = (current: Run) => {
    handle.current?.detach();
    const all = segmentsOf(current.pieces);
    const segments = all.slice(current.done);
    const total = all.length;
    const offset = current.done;
    const show = (patch: Partial<TranslationState>) =>
      setState((previous) => ({
        ...previous,
        markdown: joinTranslation(current.pieces, current.translations, current.done),
        ...patch,
      }));
    show({ status: 'working', error: undefined, finishReason: undefined, progress: { done: offset, total } });
    handle.current = startStream(
      'translate',
      { segments, target: current.target, source: current.source },
      {
        onDelta(text, segment) {
          if (run.current !== current || segment === undefined) return;
          current.translations[segment] = (current.translations[segment] ?? '') + text;
          show({});
        },
        onProgress(done) {
          if (run.current !== current) return;
          current.done = offset + done;
          show({ progress: { done: current.done, total } });
        },
        onUsage(usage) {
          if (run.current !== current) return;
          current.usage = addUsageReports(current.previousUsage, usage);
          show({ usage: current.usage });
        },
        onDone(finishReason) {
          if (run.current !== current) return;
          current.done = total;
          show({ status: 'done', finishReason, progress: { done: total, total } });
        },
        onError(error) {
          if (run.current !== current) return;
          show({ status: 'error', error });
        },
      },
    );
  };

  return {
    state,
    /** Translates a text (Markdown) into `target`; `source` is the detected language. */
    start(text: string, target: string, source?: string) {
      const pieces = splitSource(text);
      const current: Run = { pieces, target, source, translations: {}, done: 0 };
      run.current = current;
      if (segmentsOf(pieces).length === 0) {
        handle.current?.detach();
        setState({ status: 'done', markdown: joinTranslation(pieces, {}, 0), nothingToTranslate: true });
        return;
      }
      setState({ status: 'working', markdown: '' });
      stream(current);
    },
    /** After a failure: translates the segments that did not finish, keeping the rest. */
    resume() {
      const current = run.current;
      if (!current) return;
      for (const { id } of segmentsOf(current.pieces).slice(current.done)) delete current.translations[id];
      current.previousUsage = current.usage;
      stream(current);
    },
    /** The user's Stop. */
    stop() {
      handle.current?.stop();
    },
    /** Shows an error without asking anything (a check made before sending). */
    fail(error: WireError) {
      handle.current?.detach();
      run.current = undefined;
      setState({ status: 'error', markdown: '', error });
    },
  };
}
