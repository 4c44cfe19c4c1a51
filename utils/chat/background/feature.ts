import { defineFeature } from '@/utils/background/feature';
import { openSecrets } from '@/utils/llm/background/secret-store';
import { chatAction } from './chat-action';
import { openChatDatabase } from './chat-db';
import { chatHandlers } from './handlers';

/** The popup's chat: conversations, their history and export, and the streamed answer. */
export const chatFeature = defineFeature({
  name: 'chat',
  handlers: chatHandlers,
  actions: { chat: chatAction },
  // A question that woke the worker finds its conversation's and its key's databases open.
  start() {
    openChatDatabase();
    openSecrets();
  },
});
