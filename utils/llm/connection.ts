import type { ProviderId } from './providers';

/** A connection as the settings form holds it, possibly not saved yet. */
export interface ConnectionDraft {
  provider: ProviderId;
  baseURL: string;
  model: string;
  /** A newly typed key; omitted to use the stored one. Never sent back by the background. */
  apiKey?: string;
}

/** Whether a key is stored, and its last characters so the user can recognise it. */
export interface KeyStatus {
  hasKey: boolean;
  hint: string;
}

export interface TestResult {
  model: string;
  /** Round trip of the 1-token chat request, in ms. */
  roundTripMs: number;
  /** Models the endpoint lists (empty where it has no model list). */
  models: string[];
  /** The answer's first token, to show that the model really replied. */
  reply: string;
}
