import { browser } from 'wxt/browser';
import { AppError, fromWireError, toWireError, type WireError } from './errors';
import { t } from './i18n';
import { PROTOCOL_TAG, type Envelope, type MessageName, type Reply, type RequestOf, type ResponseOf } from '@/utils/protocol';

/** An error that arrived from the background, its message already in the user's language. */
export class RemoteError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = 'RemoteError';
  }

  get code(): WireError['code'] {
    return this.wire.code;
  }
}

/** A failure as a view shows it: the background's, one of ours, or an unknown one with its words. */
export function wireOf(error: unknown): WireError {
  if (error instanceof RemoteError) return error.wire;
  if (error instanceof AppError) return toWireError(error);
  return { code: 'unknown', message: t('error_unknown', { detail: String(error) }), retryable: false };
}

/**
 * Sends a one-shot message to the background and returns its response, or throws a
 * {@link RemoteError} carrying the typed error.
 */
export async function sendMessage<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { protocol: PROTOCOL_TAG, name, data };
  const disconnected = { code: 'disconnected', message: t('error_disconnected'), retryable: true } as const;
  let reply: Reply<ResponseOf<N>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
  } catch {
    throw new RemoteError(disconnected);
  }
  if (!reply || typeof reply !== 'object') throw new RemoteError(disconnected);
  if (reply.ok) return reply.data;
  throw new RemoteError(fromWireError(reply.error));
}
