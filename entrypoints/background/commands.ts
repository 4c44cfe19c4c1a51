import type { Browser } from 'wxt/browser';
import { openSummaryFor, SUMMARIZE_COMMAND } from '@/utils/summary/background/open-summary';
import { translateFromShortcut } from '@/utils/translate/background/card-launcher';

/**
 * Keyboard shortcuts, by the command name declared in the manifest (wxt.config.ts `commands`).
 * Features add theirs.
 */
export const COMMANDS: Record<string, (tab: Browser.tabs.Tab | undefined) => void | Promise<void>> = {
  [SUMMARIZE_COMMAND]: openSummaryFor,
  'translate-selection': translateFromShortcut,
};

/** Runs a keyboard shortcut's handler. */
export function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (Object.hasOwn(COMMANDS, command)) void COMMANDS[command]!(tab);
}
