import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { currentSection, SETTINGS_SECTIONS, sectionForHash, type SettingsSectionId } from '@/utils/ui/settings-sections';

/** How far below the top of the window a section's heading counts as being read. */
const READING_LINE = 96;
/** How long a section an address named stays at the top while the sections above it finish loading. */
const PIN_MS = 3000;

const scrollTo = (id: SettingsSectionId) => document.getElementById(id)?.scrollIntoView({ block: 'start' });

/**
 * The section in view, kept in step with scrolling. The section the address names
 * (`options.html#usage`) is scrolled to once the page is drawn, and held at the top while the
 * sections above it still load (the actions list, usage figures) until the person scrolls, types,
 * clicks or moves the focus: a link from the popup lands on its section, not a screen above it.
 */
export function useCurrentSection(ready: boolean): SettingsSectionId {
  const [current, setCurrent] = useState<SettingsSectionId>(() => sectionForHash(location.hash) ?? SETTINGS_SECTIONS[0].id);

  useEffect(() => {
    if (!ready) return;
    let pinned: SettingsSectionId | null = sectionForHash(location.hash);
    let frame = 0;
    const measure = () => {
      frame = 0;
      const tops = SETTINGS_SECTIONS.map(({ id }) => ({
        id,
        top: document.getElementById(id)?.getBoundingClientRect().top ?? Infinity,
      }));
      setCurrent(pinned ?? currentSection(tops, READING_LINE));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const unpin = () => {
      pinned = null;
    };
    const onHash = () => {
      const id = sectionForHash(location.hash);
      if (!id) return;
      scrollTo(id);
      setCurrent(id);
    };
    const relayout = new ResizeObserver(() => {
      if (pinned) scrollTo(pinned);
    });
    relayout.observe(document.body);
    const stopPinning = setTimeout(unpin, PIN_MS);
    if (pinned) {
      scrollTo(pinned);
      setCurrent(pinned);
    }
    const personal = ['wheel', 'keydown', 'pointerdown', 'touchstart', 'focusin'] as const;
    for (const type of personal) addEventListener(type, unpin, { passive: true, capture: true });
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('hashchange', onHash);
    return () => {
      for (const type of personal) removeEventListener(type, unpin, { capture: true });
      removeEventListener('scroll', onScroll);
      removeEventListener('hashchange', onHash);
      relayout.disconnect();
      clearTimeout(stopPinning);
      cancelAnimationFrame(frame);
    };
  }, [ready]);

  return current;
}

/** The settings page's side navigation: a link per section, the one in view marked as current. */
export function SettingsNav({ current }: { current: SettingsSectionId }) {
  return (
    <nav class="settings-nav" aria-label={t('settingsNavLabel')}>
      <ul>
        {SETTINGS_SECTIONS.map(({ id, label }) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={id === current ? 'true' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
