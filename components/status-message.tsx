import type { Status } from '@/utils/ui/status';

/** A polite live region: screen readers announce changes; tests find it by role=status. */
export function StatusMessage({ status, label }: { status: Status | null; label?: string }) {
  return (
    <div
      role="status"
      aria-label={label}
      aria-live="polite"
      class={`status ${status ? `status-${status.kind}` : ''}`}
      data-code={status?.code}
    >
      {status?.text}
    </div>
  );
}
