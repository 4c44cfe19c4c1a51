/**
 * Functions the background runs in a tab through `scripting.executeScript({ func })` for the
 * transcribe page: list the page's audio and video, read a caption track, seek a media element.
 * Only each function's source is sent, so each is self-contained (no imports, no helpers outside
 * it). What they return comes from the page and is checked by the background.
 */

/**
 * The page's address, and its <audio> and <video> elements with their source and caption tracks;
 * `player`: the index of the video in YouTube's player (#movie_player), or -1.
 */
export function listPageMedia(): unknown {
  const all = Array.from(document.querySelectorAll('audio, video'));
  const playerVideo = document.querySelector('#movie_player video');
  const media = all.map((element, index) => {
    const media = element as HTMLMediaElement;
    const tracks = Array.from(media.querySelectorAll('track'))
      .map((track, trackIndex) => ({ track, trackIndex }))
      .filter(({ track }) => (track.kind === 'subtitles' || track.kind === 'captions' || !track.kind) && track.src)
      .map(({ track, trackIndex }) => ({ index: trackIndex, label: track.label, language: track.srclang, src: track.src }));
    return {
      index,
      kind: media.tagName.toLowerCase(),
      src: media.currentSrc || media.src || media.querySelector('source')?.src || '',
      duration: Number.isFinite(media.duration) ? media.duration : null,
      title: media.getAttribute('title') || media.getAttribute('aria-label') || '',
      tracks,
    };
  });
  return { href: location.href, player: playerVideo ? all.indexOf(playerVideo) : -1, media };
}

/**
 * The WebVTT text of caption track `trackIndex` (the <track> child's position) of media element
 * `mediaIndex`: fetched from the page (its own origin and cookies), else rebuilt from the cues the
 * browser loaded. Null when there is neither.
 */
export async function readPageTrack(mediaIndex: number, trackIndex: number): Promise<string | null> {
  const media = document.querySelectorAll('audio, video')[mediaIndex] as HTMLMediaElement | undefined;
  const track = media?.querySelectorAll('track')[trackIndex] as HTMLTrackElement | undefined;
  if (!track) return null;
  try {
    const response = await fetch(track.src, { credentials: 'include' });
    const text = await response.text();
    if (response.ok && text.replace(/^\uFEFF/, '').startsWith('WEBVTT')) return text.slice(0, 4_000_000);
  } catch {
    // Not fetchable from here (another origin without CORS): the browser's own cues instead.
  }
  if (track.track.mode === 'disabled') track.track.mode = 'hidden';
  for (let waited = 0; track.readyState !== 2 && track.readyState !== 3 && waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cues = Array.from(track.track.cues ?? []) as VTTCue[];
  if (!cues.length) return null;
  const stamp = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().slice(11, 23);
  return `WEBVTT\n\n${cues.map((cue) => `${stamp(cue.startTime)} --> ${stamp(cue.endTime)}\n${cue.text}\n`).join('\n')}`;
}

/** Seeks media element `mediaIndex` to `seconds`; false when it is gone. */
export function seekPageMedia(mediaIndex: number, seconds: number): boolean {
  const media = document.querySelectorAll('audio, video')[mediaIndex] as HTMLMediaElement | undefined;
  if (!media) return false;
  media.currentTime = seconds;
  return true;
}
