/**
 * Functions the background runs in a tab through `scripting.executeScript({ func })` to read
 * YouTube's own caption tracks. Each is self-contained (only its source is sent). What they
 * return is page data: the background checks it (utils/transcribe/transcript/player-captions.ts).
 */

/**
 * Runs in the page's MAIN world (where the player lives): the caption tracks of the player
 * response, projected to plain strings. The player's `getPlayerResponse()` first: it is current
 * after YouTube's in-app navigation, when `ytInitialPlayerResponse` still describes the first
 * video. Null when the page has no player response.
 */
export function readPlayerCaptions(): unknown {
  const str = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);
  let response: unknown = null;
  try {
    const player = document.getElementById('movie_player') as { getPlayerResponse?: () => unknown } | null;
    if (typeof player?.getPlayerResponse === 'function') response = player.getPlayerResponse();
  } catch {
    response = null;
  }
  try {
    if (!response || typeof response !== 'object')
      response = (window as { ytInitialPlayerResponse?: unknown }).ytInitialPlayerResponse;
    if (!response || typeof response !== 'object') return null;
    // biome-ignore lint/suspicious/noExplicitAny: the page's own object, read defensively.
    const data = response as any;
    const details = data.videoDetails && typeof data.videoDetails === 'object' ? data.videoDetails : {};
    const list = data.captions?.playerCaptionsTracklistRenderer?.captionTracks;
    const tracks = (Array.isArray(list) ? list.slice(0, 50) : []).map((track: unknown) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      const item = (track && typeof track === 'object' ? track : {}) as any;
      const name = item.name && typeof item.name === 'object' ? item.name : {};
      const runs = Array.isArray(name.runs)
        ? name.runs.slice(0, 20).map((run: { text?: unknown }) => str(run?.text, 200) ?? '')
        : [];
      return {
        baseUrl: str(item.baseUrl, 8000),
        name: str(name.simpleText, 200) ?? runs.join('').slice(0, 200),
        languageCode: str(item.languageCode, 35),
        kind: str(item.kind, 10),
      };
    });
    return {
      videoId: str(details.videoId, 100),
      title: str(details.title, 200),
      lengthSeconds: str(details.lengthSeconds, 10),
      tracks,
    };
  } catch {
    return null;
  }
}

/**
 * Runs in the page's isolated world: fetches a caption track from the page itself (its origin,
 * its cookies; no host permission of the extension is used). Refuses any address on another
 * origin. Returns the answer's text, at most 4 MB, or null.
 */
export async function fetchPageCaptions(address: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(address, location.href);
  } catch {
    return null;
  }
  if (url.origin !== location.origin) return null;
  try {
    const response = await fetch(url.href, { credentials: 'same-origin' });
    return response.ok ? (await response.text()).slice(0, 4_000_000) : null;
  } catch {
    return null;
  }
}
