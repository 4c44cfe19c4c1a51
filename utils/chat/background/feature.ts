import { defineFeature } from '@/utils/background/feature';
import { chatAction } from './chat-action';
import { chatHandlers } from './handlers';

/** The popup's chat: conversations, their history and export, and the streamed answer. */
export const chatFeature = defineFeature({ name: 'chat', handlers: chatHandlers, actions: { chat: chatAction } });
