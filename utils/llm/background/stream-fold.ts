import { AppError } from '@/utils/errors';
import { AnswerSplitter } from './answer-splitter';
import { classifyStreamError, type ErrorContext } from './api-errors';
import type { SseEvent } from './sse-reader';

/** Provider-reported usage, in the API's own shape. */
export interface ApiUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

/** What one event added: answer and reasoning text, and whether it counts as progress. */
export interface FoldStep {
  answer: string;
  reasoning: string;
  /** Text, reasoning, usage or a finish reason arrived: only these prove the model is working. */
  progress: boolean;
}

interface Delta {
  content?: unknown;
  refusal?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
  tool_calls?: { function?: { name?: unknown } }[] | null;
  function_call?: { name?: unknown } | null;
}

interface Chunk {
  model?: unknown;
  usage?: ApiUsage | null;
  error?: unknown;
  object?: unknown;
  status_code?: unknown;
  choices?: { delta?: Delta; finish_reason?: unknown; usage?: ApiUsage | null }[];
}

// Finish reasons of TGI and Together that mean an ordinary end of the answer.
const NORMAL_STOPS = new Set(['eos', 'eos_token', 'end_turn', 'stop_sequence']);

/**
 * Folds the events of one streamed chat completion into its answer, the way compatible providers
 * really send them: usage wherever it comes (its own chunk, the finish chunk, `choices[0].usage`,
 * twice, or cumulative: the last one wins, never a sum), reasoning kept apart from the answer,
 * chunks without choices skipped, a malformed line skipped and counted, and an error object inside
 * the 200 stream thrown as the typed error it describes.
 */
export class StreamFold {
  text = '';
  reasoning = '';
  finishReason = '';
  model: string;
  usage?: ApiUsage;
  /** Lines that were not JSON: skipped, so the rest of a valid stream is kept. */
  malformed = 0;
  /** `[DONE]` arrived; anything after it is ignored. */
  done = false;
  /** Names of tools the model called (Glance offers none, but some models call them anyway). */
  readonly toolCalls: string[] = [];
  private readonly splitter = new AnswerSplitter();

  constructor(
    model: string,
    private readonly context: ErrorContext,
  ) {
    this.model = model;
  }

  /** Applies one SSE event. Throws an AppError when the event is an error report. */
  apply(event: SseEvent): FoldStep {
    const step: FoldStep = { answer: '', reasoning: '', progress: false };
    if (this.done) return step;
    const data = event.data.trim();
    if (data === '[DONE]') {
      this.done = true;
      return step;
    }
    let chunk: Chunk;
    try {
      chunk = JSON.parse(data) as Chunk;
    } catch {
      this.malformed += 1;
      return step;
    }
    if (!chunk || typeof chunk !== 'object') {
      this.malformed += 1;
      return step;
    }
    if (event.event === 'error' || (chunk.error && typeof chunk.error === 'object') || chunk.object === 'error') {
      throw classifyStreamError(chunk as Record<string, unknown>, this.context);
    }
    if (typeof chunk.model === 'string' && chunk.model) this.model = chunk.model;
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    const usage = chunk.usage ?? choice?.usage;
    if (usage && typeof usage === 'object') {
      this.usage = usage;
      step.progress = true;
    }
    if (!choice) return step;
    const finish = typeof choice.finish_reason === 'string' && choice.finish_reason ? choice.finish_reason : '';
    this.readDelta(choice.delta ?? {}, Boolean(finish), step);
    if (finish) {
      this.finishReason = NORMAL_STOPS.has(finish) ? 'stop' : finish;
      step.progress = true;
    }
    return step;
  }

  /** The stream ended: releases text held back while a tag was undecided. */
  end(): FoldStep {
    const rest = this.splitter.flush();
    this.text += rest.answer;
    this.reasoning += rest.reasoning;
    return { ...rest, progress: false };
  }

  private readDelta(delta: Delta, final: boolean, step: FoldStep): void {
    const reasoning = stringOr(delta.reasoning_content) || stringOr(delta.reasoning);
    if (reasoning) {
      this.reasoning += reasoning;
      step.reasoning += reasoning;
      step.progress = true;
    }
    const content = stringOr(delta.content) || stringOr(delta.refusal);
    if (content) {
      const split = this.splitter.push(content, final);
      this.text += split.answer;
      this.reasoning += split.reasoning;
      step.answer += split.answer;
      step.reasoning += split.reasoning;
      step.progress = true;
    }
    for (const call of delta.tool_calls ?? []) {
      const name = stringOr(call?.function?.name);
      if (name) this.toolCalls.push(name);
      step.progress = true;
    }
    const legacy = stringOr(delta.function_call?.name);
    if (legacy) this.toolCalls.push(legacy);
  }

  /** Throws the error for a stream that ended without a usable answer; returns when it has one. */
  assertAnswered(): void {
    const params = { host: this.context.host };
    if (!this.text && (this.toolCalls.length > 0 || /tool_calls|function_call/.test(this.finishReason))) {
      throw new AppError('tool_call_only', { params, detail: this.toolCalls.join(', ') || undefined, retryable: true });
    }
    if (this.finishReason) return;
    // The body ended without a finish reason: a cut connection, or an endpoint that is not
    // speaking the OpenAI stream format at all (or only in lines that could not be read).
    if (this.text) throw new AppError('interrupted', { params });
    if (this.malformed > 0) throw new AppError('malformed_stream', { params, detail: String(this.malformed) });
    throw new AppError('bad_response', { params });
  }
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
