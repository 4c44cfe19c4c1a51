// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MoreIcon } from '@/components/icons';
import { MenuButton } from '@/components/menu-button';

function show() {
  const picked = vi.fn();
  const names = ['Rename', 'Delete', 'Export as Markdown', 'Export as JSON'];
  render(
    <>
      <MenuButton label="More" icon={<MoreIcon />} items={names.map((label) => ({ label, onSelect: () => picked(label) }))} />
      <button type="button">Elsewhere</button>
    </>,
  );
  return { picked, button: screen.getByRole('button', { name: 'More' }) };
}

const focused = () => document.activeElement?.textContent;

describe('MenuButton', () => {
  it('is a named button that says it has a menu; a click opens the menu on its first item', () => {
    const { button } = show();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('title')).toBe('More');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(button);
    const menu = screen.getByRole('menu', { name: 'More' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Rename',
      'Delete',
      'Export as Markdown',
      'Export as JSON',
    ]);
    expect(focused()).toBe('Rename');
  });

  it('moves with the arrows (wrapping), Home and End; Escape closes and puts focus back on the button', () => {
    const { button, picked } = show();
    fireEvent.click(button);
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe('Delete');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focused()).toBe('Export as JSON');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focused()).toBe('Rename');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(focused()).toBe('Export as JSON');
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(focused()).toBe('Rename');
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(picked).not.toHaveBeenCalled();
  });

  it('ArrowUp on the button opens on the last item; picking an item closes the menu, refocuses the button and runs it', () => {
    const { button, picked } = show();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(focused()).toBe('Export as JSON');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Export as JSON' }));
    expect(picked).toHaveBeenCalledWith('Export as JSON');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes when focus goes elsewhere', () => {
    const { button } = show();
    fireEvent.click(button);
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
