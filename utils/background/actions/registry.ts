import { askPageAction } from './ask-page';
import { chatAction } from './chat';
import { summarizeAction } from './summarize';
import { translateAction } from './translate';
import type { ActionRegistry } from './types';

/** Every streamed action, by name. Adding an action: its file, the protocol, this map, a test. */
export const actions: ActionRegistry = {
  chat: chatAction,
  summarize: summarizeAction,
  askPage: askPageAction,
  translate: translateAction,
};
