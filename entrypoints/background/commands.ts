import type { Browser } from 'wxt/browser';
import { COMMANDS } from './features';

/** Runs a keyboard shortcut's handler. */
export function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (Object.hasOwn(COMMANDS, command)) void COMMANDS[command]!(tab);
}
