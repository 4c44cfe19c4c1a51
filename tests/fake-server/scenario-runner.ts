/**
 * Plays any Scenario on a response. The chat and models routes both end here, so every kind of
 * answer (errors, HTML, hangs, replays) works on either endpoint.
 */
import type { ServerResponse } from 'node:http';
import { prettyJson } from './api-errors';
import { readRecordedBytes } from './fixture-files';
import { htmlPageFor } from './html-pages';
import {
  dropConnection,
  isWritable,
  JSON_CONTENT_TYPE,
  sendBody,
  sleep,
  SSE_CONTENT_TYPE,
  untilAborted,
  writeChunk,
} from './http-utils';
import { playText, type AnswerContext } from './text-answer';
import type { RecordedScenario, Scenario } from './types';

/** Splits an SSE body into its events, each with its trailing blank line, without changing a byte. */
export function splitSseEvents(bytes: Buffer): Buffer[] {
  const events: Buffer[] = [];
  let start = 0;
  for (let end = bytes.indexOf('\n\n', start); end !== -1; end = bytes.indexOf('\n\n', start)) {
    events.push(bytes.subarray(start, end + 2));
    start = end + 2;
  }
  if (start < bytes.length) events.push(bytes.subarray(start));
  return events;
}

async function replayRecorded(scenario: RecordedScenario, res: ServerResponse, signal: AbortSignal) {
  const bytes = readRecordedBytes(scenario.file);
  res.writeHead(200, { 'content-type': scenario.contentType ?? SSE_CONTENT_TYPE });
  if (!scenario.chunkIntervalMs && scenario.dropAfterChunks === undefined) {
    res.end(bytes); // the whole recording in one write: byte-for-byte and fast
    return;
  }
  res.flushHeaders();
  const events = splitSseEvents(bytes);
  for (let i = 0; i < events.length; i++) {
    if (i === scenario.dropAfterChunks) {
      dropConnection(res);
      return;
    }
    if (i > 0) await sleep(scenario.chunkIntervalMs, signal);
    writeChunk(res, events[i]);
  }
  if (isWritable(res)) res.end();
}

/** Sends `scenario` as the answer to one request. */
export async function playScenario(scenario: Scenario, res: ServerResponse, context: AnswerContext): Promise<void> {
  const { signal } = context;
  if (scenario.kind === 'computed') return playScenario(scenario.answer(context.body), res, context);
  if (scenario.kind === 'hang') return untilAborted(signal);
  await sleep(scenario.firstByteDelayMs, signal);
  switch (scenario.kind) {
    case 'text':
      return playText(scenario, res, context);
    case 'recorded':
      return replayRecorded(scenario, res, signal);
    case 'error': {
      const body = typeof scenario.body === 'string' ? scenario.body : prettyJson(scenario.body);
      return sendBody(res, scenario.status, scenario.contentType ?? JSON_CONTENT_TYPE, body, scenario.headers);
    }
    case 'html':
      return sendBody(res, scenario.status, 'text/html; charset=utf-8', scenario.body ?? htmlPageFor(scenario.status));
    case 'non-json':
      return sendBody(res, scenario.status, scenario.contentType ?? 'text/plain; charset=utf-8', scenario.body);
    case 'json':
      return sendBody(res, scenario.status ?? 200, JSON_CONTENT_TYPE, JSON.stringify(scenario.body));
  }
}
