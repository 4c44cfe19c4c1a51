import type { Browser } from 'wxt/browser';
import { AppError, toWireError } from '@/utils/errors';
import type { Locale } from '@/utils/i18n';
import { LIMITS, PROTOCOL_TAG, type MessageName, type Reply } from '@/utils/protocol';
import type { Settings } from '@/utils/settings';
import type { ClientDeps } from '@/utils/llm/background/client';
import { handlerCode, type HandlerRegistry } from '@/utils/background/handler';
import { classifySender } from '@/utils/background/sender';
import { jsonSize } from '@/utils/background/validate';

export interface DispatchDeps {
  handlers: HandlerRegistry;
  extensionId: string;
  extensionOrigin: string;
  getSettings(): Promise<Settings>;
  localeOf(settings: Settings): Locale;
  clientDeps?: ClientDeps;
}

/** Whether a runtime message is addressed to Glance's protocol at all. */
export function isEnvelope(message: unknown): message is { protocol: string; name: unknown; data: unknown } {
  return !!message && typeof message === 'object' && (message as { protocol?: unknown }).protocol === PROTOCOL_TAG;
}

/**
 * Handles one runtime message: checks the sender, the name, the size and the payload, then runs
 * the message's handler. Every failure becomes a typed error reply; nothing throws.
 */
export async function dispatch(
  message: unknown,
  sender: Browser.runtime.MessageSender | undefined,
  deps: DispatchDeps,
): Promise<Reply<unknown>> {
  let locale: Locale = 'en';
  try {
    const kind = classifySender(sender, deps.extensionId, deps.extensionOrigin);
    if (!kind) throw new AppError('refused', { detail: 'sender' });
    if (!isEnvelope(message)) throw new AppError('refused', { detail: 'envelope' });
    const name = message.name;
    if (typeof name !== 'string' || !Object.hasOwn(deps.handlers, name)) throw new AppError('refused', { detail: 'name' });
    const handler = await handlerCode(deps.handlers[name as MessageName] as HandlerRegistry[MessageName]);
    if (!handler.allowedFrom.includes(kind)) throw new AppError('refused', { detail: 'not allowed from here' });
    if (jsonSize(message) > (handler.maxBytes ?? LIMITS.message))
      throw new AppError('too_large', { params: { size: 'message' } });
    const settings = await deps.getSettings();
    locale = deps.localeOf(settings);
    const request = handler.parse(message.data);
    const tab = kind === 'content-script' ? { id: sender!.tab!.id!, frameId: sender!.frameId ?? 0 } : undefined;
    const data = await handler.handle(request, { sender: kind, tab, settings, locale, deps: deps.clientDeps ?? {} });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toWireError(error, locale) };
  }
}
