import { PAGES_ONLY, type HandlerMap } from '@/utils/background/handler';
import { asId, asObject, asString, asTabId, refuse } from '@/utils/background/validate';
import { resolveConnection } from '@/utils/llm/background/client';
import { audioCostOf, priceFor } from '@/utils/llm/pricing';
import { needsConfirmation } from '@/utils/summary/plan';
import { captionSegments } from '@/utils/transcribe/transcript/timedtext';
import { parseWebVtt } from '@/utils/transcribe/transcript/webvtt';
import { fileModel } from './file-action';
import { listMedia, readPlayerTrack, readTrack, seekMedia } from './media-access';
import { estimateTranscriptSummary } from './summary-action';

const index = (value: unknown, what: string) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000 ? value : refuse(`${what} is not an index`);
const seconds = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 100 * 3600 ? value : refuse('bad seconds');

type TranscribeHandlers = Pick<
  HandlerMap,
  | 'transcribeEstimate'
  | 'transcribeListMedia'
  | 'transcribeCaptions'
  | 'transcribePlayerCaptions'
  | 'transcriptSummaryEstimate'
  | 'transcribeSeek'
>;

/** The transcribe page's questions: the cost of a recording, the tab's media, its captions, seeking it. */
export const transcribeHandlers: TranscribeHandlers = {
  transcribeEstimate: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ seconds: seconds(asObject(data).seconds) }),
    async handle(request, { settings, deps }) {
      const model = await fileModel(settings, await resolveConnection(settings), deps);
      const costUsd = audioCostOf(request.seconds, priceFor(model, settings.priceOverrides));
      // Unpriced audio is asked about from the first minute: its cost is unknown.
      const needsConfirm = needsConfirmation(
        { inputTokens: request.seconds, outputTokens: 0, costUsd },
        settings.summaryConfirmAboveUsd,
        60,
      );
      return { model, costUsd, needsConfirm };
    },
  },
  transcribeListMedia: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ tabId: asTabId(asObject(data).tabId) }),
    handle: ({ tabId }) => listMedia(tabId),
  },
  transcribeCaptions: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      return {
        tabId: asTabId(value.tabId),
        mediaIndex: index(value.mediaIndex, 'mediaIndex'),
        trackIndex: index(value.trackIndex, 'trackIndex'),
      };
    },
    async handle({ tabId, mediaIndex, trackIndex }) {
      const vtt = await readTrack(tabId, mediaIndex, trackIndex);
      return vtt ? parseWebVtt(vtt) : [];
    },
  },
  transcribePlayerCaptions: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      const url = asString(value.url, 'url', 8000);
      if (!/^https?:\/\//i.test(url)) refuse('url is not http(s)');
      return { tabId: asTabId(value.tabId), url, auto: value.auto === true };
    },
    async handle({ tabId, url, auto }) {
      // The page fetches it, and only from its own origin (utils/page/youtube-captions.ts).
      const answer = await readPlayerTrack(tabId, url);
      return answer ? captionSegments(answer, auto) : [];
    },
  },
  transcriptSummaryEstimate: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ jobId: asId(asObject(data).jobId, 'jobId') }),
    handle: ({ jobId }, { settings, locale }) => estimateTranscriptSummary(jobId, settings, locale),
  },
  transcribeSeek: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      return { tabId: asTabId(value.tabId), mediaIndex: index(value.mediaIndex, 'mediaIndex'), seconds: seconds(value.seconds) };
    },
    handle: async ({ tabId, mediaIndex, seconds }) => ({ found: await seekMedia(tabId, mediaIndex, seconds) }),
  },
};
