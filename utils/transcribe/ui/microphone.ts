import { browser } from 'wxt/browser';
import type { MessageKey } from '@/utils/i18n';

/** Why the microphone could not be opened, each with its own message. */
export type MicrophoneProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'asking';

/** The message that says what to do about a microphone problem. */
export const MICROPHONE_MESSAGES: Record<MicrophoneProblem, MessageKey> = {
  denied: 'voiceMicDenied',
  missing: 'voiceMicMissing',
  busy: 'voiceMicBusy',
  unsupported: 'voiceMicUnsupported',
  asking: 'voiceMicAsking',
};

/** Sorts getUserMedia's failures (DOMException names) into the problems the user can act on. */
export function problemOf(error: unknown): Exclude<MicrophoneProblem, 'asking'> {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  return 'unsupported';
}

/** The page that asks for the microphone in a tab, where the browser can show its prompt. */
export const MICROPHONE_PAGE = '/microphone.html';

async function permissionState(): Promise<PermissionState | 'unknown'> {
  try {
    return (await navigator.permissions.query({ name: 'microphone' as PermissionName })).state;
  } catch {
    return 'unknown';
  }
}

/**
 * Opens the microphone, or says why not. Chrome's popup (and side panel) cannot show the
 * permission prompt: getUserMedia is refused there while the permission is still unasked. Then the
 * microphone page opens in a tab, asks once and explains why, and the user presses Voice input again.
 */
export async function openMicrophone(): Promise<{ stream: MediaStream } | { problem: MicrophoneProblem }> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return { problem: 'unsupported' };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
    });
    return { stream };
  } catch (error) {
    const problem = problemOf(error);
    if (problem !== 'denied' || (await permissionState()) === 'denied') return { problem };
    await browser.tabs.create({ url: browser.runtime.getURL(MICROPHONE_PAGE as '/microphone.html') });
    return { problem: 'asking' };
  }
}
