import { AppError } from '@/utils/errors';

/** A base URL as typed, resolved to the API root the SDK appends paths to. */
export interface ResolvedEndpoint {
  /** e.g. `https://api.openai.com/v1` (no trailing slash). */
  baseURL: string;
  /** e.g. `https://api.openai.com` */
  origin: string;
  /** e.g. `api.openai.com` or `127.0.0.1:8080` */
  host: string;
  /** The user typed no scheme and we chose one. */
  schemeAdded: boolean;
  /** Plain http to a host that is not this computer: the key would travel unencrypted. */
  insecure: boolean;
}

// Paths people copy from API docs; the SDK adds them itself.
const OPERATION_SUFFIX = /\/(chat\/completions|completions|responses|models|embeddings|audio\/transcriptions)$/i;

/** Whether a hostname is this computer (Ollama, local relays, tests). */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

/**
 * Resolves a typed base URL: a bare host, `.../v1`, and a full `.../v1/chat/completions`
 * all give the same endpoint. Throws `invalid_base_url` for anything else.
 */
export function resolveBaseURL(input: string): ResolvedEndpoint {
  const typed = input.trim();
  if (!typed || /\s/.test(typed)) throw new AppError('invalid_base_url');
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed);
  let url: URL;
  try {
    url = new URL(hasScheme ? typed : `https://${typed}`);
    if (!hasScheme && isLocalHost(url.hostname)) url = new URL(`http://${typed}`);
  } catch {
    throw new AppError('invalid_base_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('invalid_base_url');
  if (!url.hostname || url.username || url.password) throw new AppError('invalid_base_url');

  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(OPERATION_SUFFIX, '').replace(/\/+$/, '');
  if (!path) path = url.hostname.endsWith('.openai.azure.com') ? '/openai/v1' : '/v1';

  return {
    baseURL: `${url.origin}${path}`,
    origin: url.origin,
    host: url.host,
    schemeAdded: !hasScheme,
    insecure: url.protocol === 'http:' && !isLocalHost(url.hostname),
  };
}

/** The host-permission match pattern covering an origin (ports are matched by any pattern). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
