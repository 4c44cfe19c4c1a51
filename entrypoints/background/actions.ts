import { askPageAction } from '@/utils/summary/background/ask-page-action';
import { chatAction } from '@/utils/chat/background/chat-action';
import { summarizeAction } from '@/utils/summary/background/summarize-action';
import { translateAction } from '@/utils/translate/background/translate-action';
import type { ActionRegistry } from '@/utils/background/action';

/** Every streamed action, by name. Adding an action: its file, the protocol, this map, a test. */
export const actions: ActionRegistry = {
  chat: chatAction,
  summarize: summarizeAction,
  askPage: askPageAction,
  translate: translateAction,
};
