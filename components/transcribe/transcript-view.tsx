import { useState } from 'preact/hooks';
import { MarkdownView } from '@/components/markdown-view';
import { t } from '@/utils/i18n';
import { copyText } from '@/utils/ui/clipboard';
import { saveTextFile } from '@/utils/ui/download';
import { formatClock, transcriptText, type Segment } from '@/utils/transcribe/transcript/segments';
import { toSrt, toVtt } from '@/utils/transcribe/transcript/subtitles';
import type { TranscriptSummaryState } from '@/utils/transcribe/ui/use-transcript-summary';
import { summaryEstimateText, TranscriptSummaryConfirm } from './summary-estimate';

export interface TranscriptViewProps {
  name: string;
  segments: Segment[];
  /** Seeks the media the transcript is of; absent when there is none to seek. */
  onSeek?(seconds: number): void;
  /** "Summarize transcript": its estimate, confirmation and text (use-transcript-summary.ts). */
  summarizer: TranscriptSummaryState;
  /** The summary stored with the transcript, shown until a new one streams in. */
  storedSummary: string;
  cnyPerUsd: number;
}

/** A download's name: the source's name without its extension, and the format's. */
function fileName(name: string, extension: string): string {
  const base = (name.split('/').pop() ?? 'transcript').replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[^\w.-]+/g, '_');
  return `${base || 'transcript'}.${extension}`;
}

/**
 * The transcript with a timestamp before each line (pressing it plays the media from there),
 * Copy, "Export transcript" as text, SRT or WebVTT, and "Summarize transcript" (its estimate
 * shown, confirmed above the threshold) with the summary below, its [m:ss] citations kept.
 */
export function TranscriptView({ name, segments, onSeek, summarizer, storedSummary, cnyPerUsd }: TranscriptViewProps) {
  const [exporting, setExporting] = useState(false);
  const [copied, setCopied] = useState(false);
  const summarizing = summarizer.running;
  const summary = summarizer.text || (summarizing ? '' : storedSummary);
  const download = (extension: string, text: string, type: string) => {
    saveTextFile(fileName(name, extension), text, type);
    setExporting(false);
  };
  return (
    <section class="transcript" aria-label={t('transcriptRegion')}>
      <div class="row">
        <button type="button" class="secondary" onClick={async () => setCopied(await copyText(transcriptText(segments)))}>
          {copied ? t('transcriptCopied') : t('transcriptCopy')}
        </button>
        <button type="button" class="secondary" aria-expanded={exporting} onClick={() => setExporting(!exporting)}>
          {t('transcriptExport')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={summarizing || summarizer.confirming}
          onClick={() => void summarizer.request()}
        >
          {t('transcriptSummarize')}
        </button>
      </div>
      {summarizer.estimate && !summarizer.confirming && !summarizing && (
        <p class="hint">{summaryEstimateText(summarizer.estimate, cnyPerUsd)}</p>
      )}
      {summarizer.estimate && summarizer.confirming && (
        <TranscriptSummaryConfirm
          estimate={summarizer.estimate}
          cnyPerUsd={cnyPerUsd}
          onConfirm={summarizer.confirm}
          onCancel={summarizer.cancel}
        />
      )}
      {exporting && (
        <fieldset class="row export-formats">
          <legend class="visually-hidden">{t('transcriptExport')}</legend>
          <button type="button" onClick={() => download('txt', `${transcriptText(segments)}\n`, 'text/plain')}>
            {t('transcriptExportText')}
          </button>
          <button type="button" onClick={() => download('srt', toSrt(segments), 'application/x-subrip')}>
            SRT
          </button>
          <button type="button" onClick={() => download('vtt', toVtt(segments), 'text/vtt')}>
            WebVTT
          </button>
        </fieldset>
      )}
      {(summary || summarizing) && (
        <section class="transcript-summary" aria-label={t('transcriptSummary')} aria-busy={summarizing}>
          <MarkdownView text={summary} />
        </section>
      )}
      <ol class="transcript-lines">
        {segments.map((segment) => (
          <li key={`${segment.start}:${segment.text.slice(0, 20)}`}>
            {onSeek ? (
              <button
                type="button"
                class="link transcript-time"
                aria-label={t('transcriptPlayFrom', { time: formatClock(segment.start) })}
                onClick={() => onSeek(segment.start)}
              >
                {formatClock(segment.start)}
              </button>
            ) : (
              <span class="transcript-time">{formatClock(segment.start)}</span>
            )}{' '}
            <span>{segment.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
