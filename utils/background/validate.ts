import { AppError } from '@/utils/errors';

/**
 * Small checks for payloads arriving from other contexts. Each returns the typed value or throws
 * `refused`: a malformed message is a bug or an attack, never something to guess about.
 */
export function refuse(detail: string): never {
  throw new AppError('refused', { detail });
}

/** For messages without a payload. */
export function noPayload(data: unknown): null {
  return data === null || data === undefined ? null : refuse('no payload expected');
}

export function asObject(value: unknown, what = 'payload'): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) refuse(`${what} is not an object`);
  return value as Record<string, unknown>;
}

export function asString(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') refuse(`${what} is not a string`);
  if (value.length > maxLength) refuse(`${what} is longer than ${maxLength}`);
  return value;
}

export function asOptionalString(value: unknown, what: string, maxLength: number): string | undefined {
  return value === undefined ? undefined : asString(value, what, maxLength);
}

export function asOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) refuse(`${what} is not allowed`);
  return value as T;
}

export function asArray(value: unknown, what: string, maxItems: number): unknown[] {
  if (!Array.isArray(value)) refuse(`${what} is not a list`);
  if (value.length > maxItems) refuse(`${what} has more than ${maxItems} items`);
  return value;
}

/** Size of a value as JSON, in UTF-16 code units (what crosses the message channel). */
export function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

const ID = /^[\w-]{1,100}$/;

/** An id Glance made (a conversation's, a message's): word characters and dashes. */
export function asId(value: unknown, what = 'id'): string {
  const id = asString(value, what, 100);
  return ID.test(id) ? id : refuse(`${what} is not an id`);
}

/** A model name, trimmed and not empty. */
export function asModel(value: unknown): string {
  const model = asString(value, 'model', 200).trim();
  return model || refuse('model is empty');
}

/** A tab id as the browser gives them: a non-negative integer. */
export function asTabId(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) refuse('tabId is not a tab id');
  return value;
}
