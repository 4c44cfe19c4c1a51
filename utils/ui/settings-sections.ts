import type { MessageKey } from '@/utils/i18n';

/**
 * The settings page's sections, in page order, each with the id its address uses
 * (`options.html#usage`). Other pages link to these ids: the popup's spend badge and budget
 * notices to #usage, the translation card to #translate, the toolbar to #actions. Keep them.
 */
export const SETTINGS_SECTIONS = [
  { id: 'connection', label: 'navConnection' },
  { id: 'chat', label: 'navChat' },
  { id: 'summaries', label: 'navSummaries' },
  { id: 'translate', label: 'navTranslation' },
  { id: 'actions', label: 'navActions' },
  { id: 'ask', label: 'navAsk' },
  { id: 'usage', label: 'navUsage' },
  { id: 'about', label: 'navAbout' },
] as const satisfies readonly { id: string; label: MessageKey }[];

export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]['id'];

/** Other names an address may use for a section (older links, the word a person would type). */
const ALIASES: Record<string, SettingsSectionId> = {
  general: 'connection',
  language: 'connection',
  summary: 'summaries',
  summarize: 'summaries',
  translation: 'translate',
  'page-translate': 'translate',
  'side-panel': 'ask',
  sidepanel: 'ask',
  budget: 'usage',
  budgets: 'usage',
  prices: 'usage',
};

/** The section an address's hash names (`#usage`, `usage`, `#Budgets`), or null when it names none. */
export function sectionForHash(hash: string): SettingsSectionId | null {
  let name: string;
  try {
    name = decodeURIComponent(hash.replace(/^#/, '')).trim().toLowerCase();
  } catch {
    return null; // a malformed escape (#%E0) names nothing
  }
  const section = SETTINGS_SECTIONS.find((candidate) => candidate.id === name);
  return section?.id ?? (Object.hasOwn(ALIASES, name) ? ALIASES[name]! : null);
}

/** Where a section sits: its top edge, in pixels from the top of the window. */
export interface SectionTop {
  id: SettingsSectionId;
  top: number;
}

/**
 * The section being read: the last one whose top has passed `line` (a little below the top of the
 * window), or the first section while none has. Sections are given in page order.
 */
export function currentSection(tops: SectionTop[], line: number): SettingsSectionId {
  let current: SettingsSectionId = tops[0]?.id ?? SETTINGS_SECTIONS[0].id;
  for (const { id, top } of tops) if (top <= line) current = id;
  return current;
}
