// @vitest-environment jsdom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import * as icons from '@/components/icons';
import { IconButton } from '@/components/icons';

describe('icons', () => {
  it('draws every action icon as inline SVG in the text colour, hidden from assistive technology', () => {
    const drawings = Object.entries(icons).filter(([name]) => name.endsWith('Icon'));
    expect(drawings.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CopyIcon', 'MoreIcon', 'SettingsIcon', 'HistoryIcon', 'SendIcon', 'StopIcon']),
    );
    expect(drawings.map(([name]) => name)).toEqual(
      expect.arrayContaining(['MicrophoneIcon', 'TranslateIcon', 'SummarizeIcon', 'CloseIcon', 'ExportIcon', 'RetryIcon']),
    );
    for (const [name, Icon] of drawings) {
      const { container, unmount } = render((Icon as (p: icons.IconProps) => preact.JSX.Element)({ size: 20 }));
      const svg = container.querySelector('svg')!;
      expect(svg.getAttribute('aria-hidden'), name).toBe('true');
      expect(svg.getAttribute('stroke'), name).toBe('currentColor');
      expect(svg.getAttribute('width'), name).toBe('20');
      // Drawn here, nothing fetched: no <image>, <use href> or any URL.
      expect(svg.innerHTML, name).not.toMatch(/href|url\(|<image/);
      expect(svg.querySelectorAll('path, rect, circle').length, name).toBeGreaterThan(0);
      unmount();
    }
  });

  it('gives an icon-only button one name, as its accessible name and its tooltip', () => {
    const onClick = vi.fn();
    render(<IconButton label="Copy" icon={<icons.CopyIcon />} class="secondary" onClick={onClick} />);
    const button = screen.getByRole('button', { name: 'Copy' });
    expect(button.getAttribute('title')).toBe('Copy');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('icon-button secondary');
    expect(button.textContent).toBe('');
    button.click();
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
