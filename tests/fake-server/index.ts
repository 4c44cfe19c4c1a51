/**
 * The fake OpenAI-compatible server used by Glance's unit, end-to-end and benchmark tests.
 * Start with `startFakeServer()`, script answers with `enqueue(...)` / `errors.*`, read what
 * arrived in `requests` and `validationErrors`, and always `close()`.
 */
export { startFakeServer, DEFAULT_API_KEY, echoScenario } from './server';
export {
  errors,
  errorBody,
  invalidApiKeyBody,
  maskApiKey,
  modelNotFoundBody,
  type RateLimitOptions,
  type ContextTooLongOptions,
  type OpenAIErrorObject,
} from './api-errors';
export { DEFAULT_MODELS, isReasoningModel, listModelsBody } from './models';
export { chatCompletion, splitIntoChunks } from './chat-chunks';
export { countPromptTokens, countTextTokens, encodingFor } from './usage';
export { recordedDir, resolveRecordedFile, readRecordedBytes, readRecordedText } from './fixture-files';
export type * from './types';
export { DEFAULT_TRANSCRIPT, audioSeconds } from './transcription-answer';
export { sniffContainer, containerOfName, type AudioContainer } from './audio-format';
export { parseMultipart, boundaryOf } from './multipart';
export { providerScenario, providersDir, readProviderFixture } from './providers';
