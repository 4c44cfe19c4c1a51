import type { ComponentChildren } from 'preact';

export interface SettingsCardProps {
  heading: string;
  children: ComponentChildren;
}

/** One settings-page card: a plain section with its heading, then its fields. */
export function SettingsCard({ heading, children }: SettingsCardProps) {
  return (
    <section class="card">
      <h2>{heading}</h2>
      {children}
    </section>
  );
}
