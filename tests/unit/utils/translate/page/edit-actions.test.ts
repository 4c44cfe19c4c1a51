// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { copyToClipboard, replaceSelection } from '@/utils/translate/page/edit-actions';

describe('replaceSelection', () => {
  it('puts the translation where the selection was in a text field, and fires input', () => {
    document.body.innerHTML = '<textarea id="t">Hello world, this is a note.</textarea>';
    const field = document.getElementById('t') as HTMLTextAreaElement;
    const onInput = vi.fn();
    field.addEventListener('input', onInput);
    // jsdom has no execCommand: this takes the setRangeText path browsers fall back to.
    document.execCommand = (() => false) as typeof document.execCommand;
    expect(
      replaceSelection(
        { text: 'Hello world', field, start: 0, end: 11, anchor: { left: 0, top: 0, right: 0, bottom: 0 } },
        '你好，世界',
      ),
    ).toBe(true);
    expect(field.value).toBe('你好，世界, this is a note.');
    expect(onInput).toHaveBeenCalled();
  });

  it('changes nothing when the field was edited since (the text at those offsets differs) or is gone', () => {
    document.body.innerHTML = '<textarea id="t">Changed text entirely.</textarea>';
    const field = document.getElementById('t') as HTMLTextAreaElement;
    const snapshot = { text: 'Hello world', field, start: 0, end: 11, anchor: { left: 0, top: 0, right: 0, bottom: 0 } };
    expect(replaceSelection(snapshot, 'X')).toBe(false);
    expect(field.value).toBe('Changed text entirely.');
    field.remove();
    expect(replaceSelection({ ...snapshot, text: 'Changed tex' }, 'X')).toBe(false);
  });

  it('replaces a range in an editable region', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p id="p">Good morning everyone</p></div>';
    const text = document.getElementById('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 12);
    document.execCommand = (() => false) as typeof document.execCommand;
    const editable = document.getElementById('ed')!;
    expect(
      replaceSelection({ text: 'Good morning', range, editable, anchor: { left: 0, top: 0, right: 0, bottom: 0 } }, '早上好'),
    ).toBe(true);
    expect(editable.textContent).toBe('早上好 everyone');
  });
});

describe('copyToClipboard', () => {
  it('uses the Clipboard API, and falls back to a copy command it fills in itself', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await copyToClipboard('first')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('first');

    writeText.mockRejectedValueOnce(new Error('blocked by permissions policy'));
    const data = new Map<string, string>();
    document.execCommand = ((command: string) => {
      if (command !== 'copy') return false;
      const event = new Event('copy', { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', {
        value: { setData: (type: string, value: string) => data.set(type, value) },
      });
      document.dispatchEvent(event);
      return true;
    }) as typeof document.execCommand;
    expect(await copyToClipboard('second')).toBe(true);
    expect(data.get('text/plain')).toBe('second');
  });
});
