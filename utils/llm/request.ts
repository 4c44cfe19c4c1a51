import { isReasoningModel, PROVIDERS, type ProviderId } from './providers';

/** What an action wants from the model, before provider rules are applied. */
export interface ChatRequestSpec {
  model: string;
  turns: ChatTurn[];
  /** Upper bound on the answer (and, for reasoning models, their hidden reasoning). */
  maxOutputTokens?: number;
  /** Ignored for reasoning models, which accept only the default. */
  temperature?: number;
}

/** The JSON body of a streaming `POST /chat/completions`. */
export interface ChatBody {
  model: string;
  messages: ChatTurn[];
  stream: true;
  stream_options: { include_usage: boolean; include_obfuscation?: boolean };
  max_completion_tokens?: number;
  max_tokens?: number;
  temperature?: number;
}

/**
 * Builds the request body the provider accepts: reasoning models get `max_completion_tokens`
 * and no `temperature`; providers that only know `max_tokens` get that. Usage is always asked
 * for in the stream (providers without it simply send none).
 */
export function buildChatBody(spec: ChatRequestSpec, provider: ProviderId): ChatBody {
  const reasoning = isReasoningModel(spec.model);
  const body: ChatBody = {
    model: spec.model,
    messages: spec.turns,
    stream: true,
    stream_options: { include_usage: true },
  };
  // OpenAI pads every chunk with random text unless told not to; that is bandwidth we pay for.
  if (provider === 'openai') body.stream_options.include_obfuscation = false;
  if (spec.maxOutputTokens !== undefined) {
    const param = reasoning ? 'max_completion_tokens' : PROVIDERS[provider].limitParam;
    body[param] = spec.maxOutputTokens;
  }
  if (spec.temperature !== undefined && !reasoning) body.temperature = spec.temperature;
  return body;
}

/** A chat message as actions exchange it. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
