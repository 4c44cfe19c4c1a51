// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TranslateBox, type TranslateBoxProps } from '@/components/translate/box';
import { setLocale } from '@/utils/i18n';

function box(props: Partial<TranslateBoxProps> = {}) {
  const handlers = {
    onText: vi.fn(),
    onTarget: vi.fn(),
    onTranslate: vi.fn(),
    onStop: vi.fn(),
    onCopy: vi.fn(),
    onResume: vi.fn(),
    onOverride: vi.fn(),
    onOpenSettings: vi.fn(),
  };
  render(
    <TranslateBox
      text="Hello there"
      source="en"
      target="zh-CN"
      status="idle"
      markdown=""
      cnyPerUsd={0}
      copied={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

beforeEach(() => setLocale('en'));

describe('TranslateBox', () => {
  it('takes text, shows the detected language, and translates on the button or Ctrl+Enter', () => {
    const handlers = box();
    const input = screen.getByRole('textbox', { name: 'Text to translate' });
    fireEvent.input(input, { target: { value: 'New text' } });
    expect(handlers.onText).toHaveBeenCalledWith('New text');
    expect(screen.getByText('From English →')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Translate text' }));
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect(handlers.onTranslate).toHaveBeenCalledTimes(2);
  });

  it('offers Stop while working and shows the answer with Copy once there is one', () => {
    const handlers = box({ status: 'working', markdown: '你好' });
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(handlers.onStop).toHaveBeenCalled();
    expect(screen.getByRole('region', { name: 'Translation' }).textContent).toContain('你好');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(handlers.onCopy).toHaveBeenCalled();
  });

  it('cannot translate empty text', () => {
    box({ text: '   ' });
    expect((screen.getByRole('button', { name: 'Translate text' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
