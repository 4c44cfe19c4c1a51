import { wireOf } from '@/utils/messaging';

/** How a status line should look. */
export type StatusKind = 'info' | 'success' | 'warning' | 'error';

export interface Status {
  kind: StatusKind;
  text: string;
  /** The error code, for styling and for tests that check which error was shown. */
  code?: string;
}

/** A failure as an error status line (settings page, history). */
export function errorStatus(error: unknown): Status {
  const wire = wireOf(error);
  return { kind: 'error', text: wire.message, code: wire.code };
}
