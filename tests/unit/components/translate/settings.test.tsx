// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TranslateSettings, type TranslateSettingsProps } from '@/components/translate/settings';
import { setLocale } from '@/utils/i18n';

function settings(props: Partial<TranslateSettingsProps> = {}) {
  const handlers = {
    onToggleButton: vi.fn(),
    onAllowAllSites: vi.fn(),
    onOffSitesText: vi.fn(),
    onOffSitesCommit: vi.fn(),
    onTranslateInto: vi.fn(),
    onSecondLanguage: vi.fn(),
    onMaxCharsText: vi.fn(),
    onMaxCharsCommit: vi.fn(),
  };
  render(
    <TranslateSettings
      translateButton
      access={false}
      offSitesText=""
      translateInto="zh-CN"
      secondLanguage="en"
      maxCharsText="50000"
      shortcut="Alt+Y"
      status={null}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

beforeEach(() => setLocale('en'));

describe('TranslateSettings', () => {
  it('names every control, and asks for access only while the button is on without it', () => {
    const handlers = settings();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a Translate button when I select text' }));
    expect(handlers.onToggleButton).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    expect(handlers.onAllowAllSites).toHaveBeenCalled();
    expect((screen.getByRole('combobox', { name: 'Translate into' }) as HTMLSelectElement).value).toBe('zh-CN');
    expect((screen.getByRole('combobox', { name: 'Text already in that language goes into' }) as HTMLSelectElement).value).toBe(
      'en',
    );
    expect(screen.getByRole('spinbutton', { name: 'Longest text to translate at once (characters)' })).toBeTruthy();
    expect(screen.getByText(/Keyboard shortcut: Alt\+Y/)).toBeTruthy();

    const sites = screen.getByRole('textbox', { name: 'Sites without the button (one per line)' });
    fireEvent.input(sites, { target: { value: 'example.com' } });
    fireEvent.blur(sites);
    expect(handlers.onOffSitesText).toHaveBeenCalledWith('example.com');
    expect(handlers.onOffSitesCommit).toHaveBeenCalled();
  });

  it('does not ask for access once it is granted, or while the button is off', () => {
    settings({ access: true });
    expect(screen.queryByRole('button', { name: 'Allow on all sites' })).toBeNull();
    document.body.innerHTML = '';
    settings({ translateButton: false });
    expect(screen.queryByRole('button', { name: 'Allow on all sites' })).toBeNull();
  });

  it('shows a bad entry as an alert', () => {
    settings({ status: { kind: 'error', text: 'Not a site name: x y.' } });
    expect(screen.getByRole('alert').textContent).toBe('Not a site name: x y.');
  });
});
