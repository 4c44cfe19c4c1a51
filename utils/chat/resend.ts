import type { ErrorCode } from '@/utils/errors';
import type { ChatMessage } from './types';

/**
 * Failures a new key, provider, base URL or model can fix: no key, a wrong or spent key, an
 * endpoint that cannot be reached or is not an API. Not the ones asking again fixes by itself
 * (rate limits, a server error: those have Retry) nor the ones in the question (too long).
 */
const FIXED_BY_CONNECTION = new Set<ErrorCode>([
  'missing_key',
  'invalid_key',
  'quota_exceeded',
  'region_blocked',
  'model_not_found',
  'forbidden',
  'network',
  'cors',
  'timeout',
  'endpoint_not_found',
  'html_response',
  'bad_response',
  'invalid_base_url',
  'insecure_base_url',
  'relay_no_channel',
]);

/**
 * Whether a failed answer can be sent again now because the connection was saved after it
 * failed (`connectionSavedAt`, epoch ms): the chat offers "Resend" on it, which asks the same
 * question again, so nobody retypes it.
 */
export function canResend(message: ChatMessage, connectionSavedAt: number): boolean {
  if (message.role !== 'assistant' || message.status !== 'error' || !message.error) return false;
  if (!FIXED_BY_CONNECTION.has(message.error.code)) return false;
  return connectionSavedAt > (message.endedAt ?? message.createdAt);
}
