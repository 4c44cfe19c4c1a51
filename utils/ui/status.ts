import type { Status } from '@/components/status-message';
import { wireOf } from '@/utils/messaging';

/** A failure as an error status line (settings page, history). */
export function errorStatus(error: unknown): Status {
  const wire = wireOf(error);
  return { kind: 'error', text: wire.message, code: wire.code };
}
