import type { LocalePreference } from '@/utils/i18n';

/** The settings content scripts may know; they cannot read storage themselves. */
export interface PageSettings {
  uiLanguage: LocalePreference;
  targetLanguage: string;
  secondLanguage: string;
  /** The selection button: on, and the sites where it is off. */
  translateButton: boolean;
  translateOffSites: string[];
  translateInto: string;
  translateMaxChars: number;
}

/** One piece of text to translate; the answer streams back piece by piece, tagged with its id. */
export interface TranslateSegment {
  id: string;
  text: string;
}

/**
 * Text to translate, as ordered segments (a selection's paragraphs between code blocks; later, a
 * page's paragraphs). Deltas of the answer carry their segment's id; `progress` counts segments.
 */
export interface TranslateInput {
  segments: TranslateSegment[];
  /** Language code of the translation (one of utils/languages.ts). */
  target: string;
  /** The detected source language, a hint for the model ('und' or absent when unknown). */
  source?: string;
}
