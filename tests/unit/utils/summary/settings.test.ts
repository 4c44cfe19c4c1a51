import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from '@/utils/settings';

describe('summary settings', () => {
  it('default to the interface language, a 5-cent question threshold, the model context, 4 at once', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      summaryLanguage: 'auto',
      summaryConfirmAboveUsd: 0.05,
      summaryMaxInput: 0,
      summaryConcurrency: 4,
    });
  });

  it('keep stored numbers within what makes sense', () => {
    expect(sanitizeSettings({ summaryConcurrency: 50, summaryMaxInput: -5, summaryConfirmAboveUsd: -1 })).toMatchObject({
      summaryConcurrency: 8,
      summaryMaxInput: 0,
      summaryConfirmAboveUsd: 0.05,
    });
    expect(sanitizeSettings({ summaryConcurrency: 2.6, summaryMaxInput: 'x' })).toMatchObject({
      summaryConcurrency: 3,
      summaryMaxInput: 0,
    });
    expect(sanitizeSettings({ summaryConcurrency: Number.NaN })).toMatchObject({ summaryConcurrency: 4 });
  });
});
