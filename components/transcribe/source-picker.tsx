import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { formatClock } from '@/utils/transcribe/transcript/segments';
import type { PlayerCaptionTrack } from '@/utils/transcribe/transcript/player-captions';
import type { PageMedia } from '@/utils/transcribe/types';

/** Files the API takes (and the browser can cut), for the file chooser. */
const ACCEPT = 'audio/*,video/*,.flac,.m4a,.mp3,.mp4,.mpeg,.mpga,.oga,.ogg,.wav,.webm';

export interface SourcePickerProps {
  /** The tab's media, or undefined while it is read (null: the tab cannot be read). */
  media: PageMedia[] | null | undefined;
  busy: boolean;
  onFile(file: File): void;
  onMedia(media: PageMedia): void;
  onCaptions(media: PageMedia, trackIndex: number): void;
  onPlayerCaptions(media: PageMedia, track: PlayerCaptionTrack): void;
}

/**
 * A player track's label: its name and language, "auto-generated" for speech recognition's (the
 * player's own "(auto-generated)" after the name, in whatever language, is left out for ours).
 */
export function playerTrackLabel(track: PlayerCaptionTrack): string {
  const own = track.auto ? track.name.replace(/\s*[(（][^()（）]*[)）]$/, '') : track.name;
  const name = own || track.name || track.language;
  const details = [name, track.language && track.language !== name ? track.language : ''].filter(Boolean).join(', ');
  const label = details ? `${t('transcribeUseCaptions')} (${details})` : t('transcribeUseCaptions');
  return track.auto ? `${label} · ${t('transcribeAutoCaptions')}` : label;
}

/** Where the audio comes from: a file picked or dropped, or an audio/video element of the page. */
export function SourcePicker({ media, busy, onFile, onMedia, onCaptions, onPlayerCaptions }: SourcePickerProps) {
  const [over, setOver] = useState(false);
  return (
    <div class="transcribe-sources">
      <label
        class={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer?.files[0];
          if (file && !busy) onFile(file);
        }}
      >
        {t('transcribeDrop')}
        <input
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-label={t('transcribeFile')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
          }}
        />
      </label>
      {media === undefined && <p aria-busy="true">{t('transcribeReadingPage')}</p>}
      {media && media.length > 0 && (
        <section aria-label={t('transcribePageMedia')}>
          <h2>{t('transcribePageMedia')}</h2>
          <ul class="transcribe-media">
            {media.map((item) => (
              <li key={item.index}>
                <span class="media-name" title={item.src}>
                  {item.title || item.src.split('/').pop() || t(item.kind === 'video' ? 'transcribeVideo' : 'transcribeAudio')}
                  {item.duration !== null && ` (${formatClock(item.duration)})`}
                </span>
                {/* Captions first: free and instant. The player's own (YouTube's) before <track>s. */}
                {item.playerTracks.map((track) => (
                  <button
                    key={track.url}
                    type="button"
                    class="primary"
                    disabled={busy}
                    onClick={() => onPlayerCaptions(item, track)}
                  >
                    {playerTrackLabel(track)}
                  </button>
                ))}
                {item.tracks.map((track) => (
                  <button
                    key={track.index}
                    type="button"
                    class="primary"
                    disabled={busy}
                    onClick={() => onCaptions(item, track.index)}
                  >
                    {t('transcribeUseCaptions')}
                    {(track.label || track.language) && ` (${track.label || track.language})`}
                  </button>
                ))}
                {item.fetchable ? (
                  <button
                    type="button"
                    class={item.tracks.length || item.playerTracks.length ? 'secondary' : 'primary'}
                    disabled={busy}
                    onClick={() => onMedia(item)}
                  >
                    {t('transcribeThis')}
                  </button>
                ) : (
                  !item.tracks.length && !item.playerTracks.length && <span class="hint">{t('transcribeNotFetchable')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {media && media.length === 0 && <p class="hint">{t('transcribeNoMedia')}</p>}
    </div>
  );
}
