import type { Locale } from '@/utils/i18n';
import type { ClientDeps } from '@/utils/llm/background/client';
import type { MessageName, RequestOf, ResponseOf } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import type { SenderKind } from './sender';

/** What every handler gets besides its request. */
export interface HandlerContext {
  sender: SenderKind;
  /** For content scripts: the tab and frame the message came from. */
  tab?: { id: number; frameId: number };
  settings: Settings;
  locale: Locale;
  deps: ClientDeps;
}

/** One message's handler: who may send it, how its payload is checked, what it does. */
export interface Handler<N extends MessageName> {
  allowedFrom: readonly SenderKind[];
  /** Largest request accepted, in bytes of JSON (default `LIMITS.message`). */
  maxBytes?: number;
  parse(data: unknown): RequestOf<N>;
  handle(request: RequestOf<N>, context: HandlerContext): Promise<ResponseOf<N>>;
}

/** A handler whose code loads on first use (in Chrome's background, from a chunk of its own). */
export type HandlerOnDemand<N extends MessageName> = () => Promise<Handler<N>>;

export type HandlerMap = { [N in MessageName]: Handler<N> };

/** The background's handlers by message: each one's code, or how to load it. */
export type HandlerRegistry = { [N in MessageName]: Handler<N> | HandlerOnDemand<N> };

/**
 * Handlers named here, whose module loads the first time one of them is asked for: what a feature
 * needs only when the user uses it stays out of every worker start. Who may send each is checked,
 * as for any handler, once it has loaded and before it runs.
 */
export function handlersOnDemand<N extends MessageName>(
  names: readonly N[],
  load: () => Promise<Pick<HandlerMap, N>>,
): { [K in N]: HandlerOnDemand<K> } {
  return Object.fromEntries(names.map((name) => [name, async () => (await load())[name]])) as {
    [K in N]: HandlerOnDemand<K>;
  };
}

/** A handler's code, loaded first when it is on demand. */
export async function handlerCode<N extends MessageName>(entry: Handler<N> | HandlerOnDemand<N>): Promise<Handler<N>> {
  return typeof entry === 'function' ? entry() : entry;
}

/**
 * Messages only Glance's own pages (popup, options, side panel) may send. Defined here, in a
 * module that imports no values, so that no import cycle can leave it undefined where it is read.
 */
export const PAGES_ONLY = ['extension-page'] as const;

/** For handlers whose reply is only "done": waits for the work, then answers null. */
export async function done(work: Promise<unknown>): Promise<null> {
  await work;
  return null;
}
