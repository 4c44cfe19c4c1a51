/** The parts of a keyboard event that decide whether Enter sends. */
export interface EnterKeyEvent {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** 229 while an input method handles the key (Safari reports the committing Enter this way). */
  keyCode: number;
}

/**
 * Whether a keydown in the composer sends the message: Enter without Shift (Shift+Enter adds a
 * line). Never while an input method is composing: Chinese and Japanese typists press Enter to
 * commit the characters they picked, and that Enter must not send a half-typed message.
 * `composing` is the composition state the page tracked (compositionstart → compositionend).
 */
export function isSendKey(event: EnterKeyEvent, composing: boolean): boolean {
  if (event.key !== 'Enter' || event.shiftKey || event.altKey) return false;
  return !composing && !event.isComposing && event.keyCode !== 229;
}
