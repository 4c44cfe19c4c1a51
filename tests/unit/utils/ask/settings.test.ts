import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from '@/utils/settings';

describe('side panel settings', () => {
  it('defaults to 6,000 page tokens per question, a panel that stays with its tab, and the popup on the toolbar', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ askPageBudget: 6000, sidePanelFollowsTab: false, sidePanelOnToolbar: false });
  });

  it('keeps the ask budget a whole number of tokens within range', () => {
    expect(sanitizeSettings({ askPageBudget: 12_345.6 }).askPageBudget).toBe(12_346);
    expect(sanitizeSettings({ askPageBudget: 3 }).askPageBudget).toBe(500);
    expect(sanitizeSettings({ askPageBudget: 9e9 }).askPageBudget).toBe(200_000);
    expect(sanitizeSettings({ askPageBudget: 'lots' }).askPageBudget).toBe(6000);
    expect(sanitizeSettings({ sidePanelFollowsTab: 'yes' }).sidePanelFollowsTab).toBe(false);
  });
});
