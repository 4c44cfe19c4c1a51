import type { Locale } from '@/utils/i18n';
import type { ActionInput, ActionName } from '@/utils/protocol';
import type { UsageReport } from '@/utils/llm/usage-report';
import type { Settings } from '@/utils/settings';
import type { ClientDeps } from '@/utils/llm/background/client';
import type { SenderKind } from './sender';

/** What a running action can use and report. */
export interface ActionContext {
  jobId: string;
  /** Aborted by the user's Stop, or when nobody is left to see an answer that is not kept. */
  signal: AbortSignal;
  settings: Settings;
  locale: Locale;
  deps: ClientDeps;
  /** Streams text; segmented actions (translate) say which segment of their input it belongs to. */
  delta(text: string, segment?: string): void;
  progress(done: number, total: number): void;
  /** A part finished, with its text (a long page's section notes), for the reader to follow along. */
  part?(index: number, text: string): void;
  usage(report: UsageReport): void;
}

/** One streamed feature (chat, summarize, translate...). One file per action. */
export interface ActionDefinition<A extends ActionName> {
  /**
   * Whether the answer is kept after its page goes away: a chat or a summary runs on and is stored;
   * a translation card's answer, which nobody will see, is aborted.
   */
  keepOnDisconnect: boolean;
  /** Which senders may start it. */
  allowedFrom: readonly SenderKind[];
  /** Checks and types the input; throws `refused` on anything malformed. */
  parse(input: unknown, settings: Settings): ActionInput<A>;
  /** Does the work, streaming through `ctx`; resolves with the finish reason. */
  run(input: ActionInput<A>, ctx: ActionContext): Promise<string>;
}

/**
 * An action whose code (its parse and run) loads when it first runs; in Chrome's background, from
 * a chunk of its own. Who may start it and whether it outlives its page are declared up front:
 * the job is accepted or refused before anything loads.
 */
export interface ActionOnDemand<A extends ActionName> extends Pick<ActionDefinition<A>, 'keepOnDisconnect' | 'allowedFrom'> {
  load(): Promise<ActionDefinition<A>>;
}

export type ActionRegistry = { [A in ActionName]: ActionDefinition<A> | ActionOnDemand<A> };

/** Declares an action loaded on demand; a unit test checks the declaration against the code. */
export function actionOnDemand<A extends ActionName>(
  declared: Pick<ActionDefinition<A>, 'keepOnDisconnect' | 'allowedFrom'>,
  load: () => Promise<ActionDefinition<A>>,
): ActionOnDemand<A> {
  return { ...declared, load };
}

/** An action's code, loaded first when it is on demand. */
export async function actionCode<A extends ActionName>(
  entry: ActionDefinition<A> | ActionOnDemand<A>,
): Promise<ActionDefinition<A>> {
  return 'load' in entry ? entry.load() : entry;
}
