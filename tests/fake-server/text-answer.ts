/**
 * Plays a `text` scenario: an SSE stream shaped exactly like the real API's, or a chat.completion
 * object when the request did not ask to stream. Faults (stall, drop, delays) are injected here.
 */
import type { ServerResponse } from 'node:http';
import {
  chatCompletion,
  choiceChunk,
  FIRST_DELTA,
  newCompletionId,
  splitIntoChunks,
  SSE_DONE,
  sseEvent,
  usageChunk,
  type StreamIdentity,
} from './chat-chunks';
import { dropConnection, isWritable, JSON_CONTENT_TYPE, sleep, SSE_CONTENT_TYPE, untilAborted, writeChunk } from './http-utils';
import type { TextScenario } from './types';
import { buildUsage, countPromptTokens, countTextTokens, truncateToTokens } from './usage';

/** What a scenario needs to know about the request it answers. */
export interface AnswerContext {
  /** The parsed request body ({} for requests without one). */
  body: Record<string, unknown>;
  /** Aborted when the client disconnects or the server closes. */
  signal: AbortSignal;
}

function usageFor(scenario: TextScenario, model: string, body: Record<string, unknown>) {
  const prompt = countPromptTokens(body.messages, model);
  return buildUsage(prompt, countTextTokens(scenario.text, model), scenario.usage);
}

/**
 * The answer cut at the request's max_completion_tokens / max_tokens, finishing with 'length', as
 * the real API does (a 1-token Test connection gets one token, not the whole scripted text).
 */
function withOutputLimit(scenario: TextScenario, body: Record<string, unknown>): TextScenario {
  const limit = body.max_completion_tokens ?? body.max_tokens;
  if (typeof limit !== 'number') return scenario;
  const model = scenario.model ?? String(body.model ?? 'gpt-4o-mini');
  const text = truncateToTokens(scenario.text, model, limit);
  return text === scenario.text ? scenario : { ...scenario, text, finishReason: 'length' };
}

/** Answers with `scenario` as SSE (stream: true) or as one JSON object. */
export async function playText(scenario: TextScenario, res: ServerResponse, context: AnswerContext): Promise<void> {
  const limited = withOutputLimit(scenario, context.body);
  if (context.body.stream === true) return streamText(limited, res, context);
  return sendCompletion(limited, res, context);
}

async function streamText(scenario: TextScenario, res: ServerResponse, { body, signal }: AnswerContext) {
  const model = scenario.model ?? String(body.model ?? 'gpt-4o-mini');
  const streamOptions = body.stream_options as { include_usage?: unknown } | null | undefined;
  const includeUsage = !scenario.omitUsage && streamOptions?.include_usage === true;
  const identity: StreamIdentity = {
    id: newCompletionId(),
    created: Math.floor(Date.now() / 1000),
    model,
    includeUsage,
  };

  res.writeHead(200, { 'content-type': SSE_CONTENT_TYPE });
  res.flushHeaders(); // headers go out now, so firstChunkDelayMs is "connected, then silence"
  await sleep(scenario.firstChunkDelayMs, signal);

  let written = 0;
  const emit = async (payload: object | string) => {
    if (written++ > 0 && written <= (scenario.pacedChunks ?? Number.POSITIVE_INFINITY))
      await sleep(scenario.chunkIntervalMs, signal);
    writeChunk(res, typeof payload === 'string' ? payload : sseEvent(payload));
  };

  await emit(choiceChunk(identity, FIRST_DELTA));
  const chunks = splitIntoChunks(scenario.text, scenario.chunkChars);
  // i === chunks.length is the moment after the last content chunk, before the finish chunk.
  for (let i = 0; i <= chunks.length; i++) {
    if (i === scenario.stallAfterChunks) return untilAborted(signal);
    if (i === scenario.dropAfterChunks) {
      dropConnection(res);
      return;
    }
    if (i < chunks.length) await emit(choiceChunk(identity, { content: chunks[i] }));
  }
  await emit(choiceChunk(identity, {}, scenario.finishReason ?? 'stop'));
  if (includeUsage) await emit(usageChunk(identity, usageFor(scenario, model, body)));
  await emit(SSE_DONE);
  if (isWritable(res)) res.end();
}

async function sendCompletion(scenario: TextScenario, res: ServerResponse, { body, signal }: AnswerContext) {
  if (scenario.dropAfterChunks !== undefined) {
    dropConnection(res);
    return;
  }
  const model = scenario.model ?? String(body.model ?? 'gpt-4o-mini');
  const completion = chatCompletion({
    model,
    content: scenario.text,
    finishReason: scenario.finishReason,
    usage: scenario.omitUsage ? null : usageFor(scenario, model, body),
  });
  const text = JSON.stringify(completion, null, 2);
  res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
  res.flushHeaders();
  if (scenario.stallAfterChunks !== undefined) return untilAborted(signal);
  await sleep(scenario.firstChunkDelayMs, signal);
  if (isWritable(res)) res.end(text);
}
