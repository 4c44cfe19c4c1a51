import { describe, expect, it } from 'vitest';
import { isSendKey, type EnterKeyEvent } from '@/utils/ime';

const key = (overrides: Partial<EnterKeyEvent> = {}): EnterKeyEvent => ({
  key: 'Enter',
  shiftKey: false,
  altKey: false,
  isComposing: false,
  keyCode: 13,
  ...overrides,
});

describe('isSendKey', () => {
  it('sends on a plain Enter', () => {
    expect(isSendKey(key(), false)).toBe(true);
  });

  it('adds a line on Shift+Enter (and Alt+Enter)', () => {
    expect(isSendKey(key({ shiftKey: true }), false)).toBe(false);
    expect(isSendKey(key({ altKey: true }), false)).toBe(false);
  });

  it('never sends on the Enter that commits an input method composition, however the browser reports it', () => {
    // Chrome and Firefox: isComposing is set on the keydown.
    expect(isSendKey(key({ isComposing: true, keyCode: 229 }), false)).toBe(false);
    expect(isSendKey(key({ isComposing: true }), false)).toBe(false);
    // Safari: compositionend first, then a keydown with keyCode 229 and isComposing false.
    expect(isSendKey(key({ keyCode: 229 }), false)).toBe(false);
    // Between compositionstart and compositionend, whatever the event says.
    expect(isSendKey(key(), true)).toBe(false);
  });

  it('ignores other keys', () => {
    expect(isSendKey(key({ key: 'a', keyCode: 65 }), false)).toBe(false);
    expect(isSendKey(key({ key: 'Process', keyCode: 229 }), false)).toBe(false);
  });
});
