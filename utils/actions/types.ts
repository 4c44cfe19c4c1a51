/** The built-in actions besides Translate (which keeps its own card and settings). */
export const BUILTIN_IDS = ['explain', 'summarize', 'rewrite', 'fix-grammar', 'ask'] as const;
export type BuiltinId = (typeof BUILTIN_IDS)[number];

/** Where an action's answer goes: the card by the selection, or the side panel of the tab. */
export const ANSWER_TARGETS = ['card', 'panel'] as const;
export type AnswerTarget = (typeof ANSWER_TARGETS)[number];

/**
 * One selection action as stored: a name, a prompt template with `{{placeholders}}`, and how it
 * is offered. A built-in action keeps its `builtin` id; its empty name and prompt mean "the
 * default in the interface language", so switching languages renames it.
 */
export interface ActionSpec {
  id: string;
  builtin?: BuiltinId;
  name: string;
  prompt: string;
  /** One or two characters drawn on its toolbar button. */
  icon: string;
  /** A model other than the connection's; empty uses the connection's. */
  model: string;
  /** Sampling temperature; null leaves the model's default. */
  temperature: number | null;
  /** Offer Replace when the selection is in an editable field. */
  replace: boolean;
  /** Where the answer goes ('card' for actions stored before there was a choice). */
  answerIn: AnswerTarget;
  enabled: boolean;
}

/** An action as the page's toolbar needs it: nothing but what it draws. */
export interface ToolbarAction {
  id: string;
  name: string;
  icon: string;
  replace: boolean;
  /** Opens a question box prefilled with the selection (Ask) instead of sending at once. */
  ask: boolean;
  /** The answer goes to the side panel of the tab instead of a card on the page. */
  panel: boolean;
}

/** A run waiting in the side panel, as the panel shows it before its answer streams. */
export interface PanelActionView {
  id: string;
  tabId: number;
  name: string;
  /** The selection (its start, when long). */
  selection: string;
  model: string;
  /** Tokens the request sends, and their cost (null: no price for the model). */
  tokens: number;
  costUsd: number | null;
}

/** What a page sends to run an action on a selection. */
export interface ActionRunInput {
  actionId: string;
  /** The selection (or, for Ask, the question as the user edited it). */
  selection: string;
  /** The selection's paragraph. */
  surrounding: string;
  pageTitle: string;
  url: string;
}

/** The placeholders a template may use. */
export const PLACEHOLDERS = ['selection', 'page_title', 'url', 'language', 'surrounding'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Limits on what an action and its input may hold. */
export const ACTION_LIMITS = {
  actions: 50,
  name: 60,
  prompt: 8000,
  model: 200,
  selection: 50_000,
  surrounding: 8000,
  title: 500,
  url: 4000,
};
