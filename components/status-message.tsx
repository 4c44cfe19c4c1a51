/** How a status line should look. */
export type StatusKind = 'info' | 'success' | 'warning' | 'error';

export interface Status {
  kind: StatusKind;
  text: string;
  /** The error code, for styling and for tests that check which error was shown. */
  code?: string;
}

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
