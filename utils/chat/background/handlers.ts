import { estimateOf } from '@/utils/chat/history-budget';
import { historyTurns } from '@/utils/chat/messages';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, type Conversation } from '@/utils/chat/types';
import { LIMITS } from '@/utils/protocol';
import { buildRequest } from './chat-action';
import { settleStale } from './answers';
import { chatCounter } from './counter';
import {
  addConversation,
  deleteConversation,
  getConversation,
  getCurrentId,
  getDraft,
  listConversations,
  setCurrentId,
  setDraft,
  updateConversation,
} from './conversations';
import { done, PAGES_ONLY, type HandlerMap } from '@/utils/background/handler';
import { asArray, asId, asModel, asObject, asString, refuse } from '@/utils/background/validate';

type ChatMessageName =
  | 'chatGet'
  | 'chatGetDraft'
  | 'chatSaveDraft'
  | 'chatSetCurrent'
  | 'chatList'
  | 'chatRename'
  | 'chatSetModel'
  | 'chatDelete'
  | 'chatExport'
  | 'chatImport'
  | 'chatEstimate';

function asIdOrNull(value: unknown): string | null {
  return value === null ? null : asId(value);
}

/**
 * The chat's one-shot messages: history reads and edits, export and import, and the composer's
 * estimate. Extension pages only: conversations are the user's private text.
 */
export const chatHandlers: Pick<HandlerMap, ChatMessageName> = {
  chatGet: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ id: asIdOrNull(asObject(data).id) }),
    handle: async ({ id }, { locale }) => {
      const wanted = id ?? (await getCurrentId());
      const conversation = wanted ? await getConversation(wanted) : undefined;
      return conversation ? settleStale(conversation, locale) : null;
    },
  },
  chatGetDraft: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ id: asIdOrNull(asObject(data).id) }),
    handle: async ({ id }) => ({ text: await getDraft(id ?? (await getCurrentId())) }),
  },
  chatSaveDraft: {
    allowedFrom: PAGES_ONLY,
    maxBytes: LIMITS.largeMessage,
    parse: (data) => {
      const value = asObject(data);
      return { id: asIdOrNull(value.id), text: asString(value.text, 'text', MAX_MESSAGE_CHARS) };
    },
    handle: ({ id, text }) => done(setDraft(id, text)),
  },
  chatSetCurrent: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ id: asIdOrNull(asObject(data).id) }),
    handle: ({ id }) => done(setCurrentId(id)),
  },
  chatList: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ query: asString(asObject(data).query, 'query', 1000) }),
    handle: async ({ query }) => listConversations(query),
  },
  chatRename: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      const title = asString(value.title, 'title', MAX_TITLE_CHARS).replace(/\s+/g, ' ').trim();
      return { id: asId(value.id), title: title || refuse('title is empty') };
    },
    handle: ({ id, title }) => done(updateConversation(id, { title })),
  },
  chatSetModel: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const value = asObject(data);
      return { id: asId(value.id), model: asModel(value.model) };
    },
    handle: ({ id, model }) => done(updateConversation(id, { model })),
  },
  chatDelete: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => ({ id: asId(asObject(data).id) }),
    handle: ({ id }) => done(deleteConversation(id)),
  },
  chatExport: {
    allowedFrom: PAGES_ONLY,
    parse: (data) => {
      const ids = asObject(data).ids;
      return { ids: ids === null ? null : asArray(ids, 'ids', 100_000).map((id) => asId(id)) };
    },
    handle: async ({ ids }, { locale }) => {
      const wanted = ids ?? (await listConversations()).map((summary) => summary.id);
      const conversations = await Promise.all(wanted.map((id) => getConversation(id)));
      return Promise.all(conversations.filter((c) => c !== undefined).map((c) => settleStale(c, locale)));
    },
  },
  chatImport: {
    allowedFrom: PAGES_ONLY,
    maxBytes: LIMITS.largeMessage,
    parse: (data) => ({ data: asObject(data).data }),
    handle: async ({ data }, { locale }) => {
      // The import's checks load with the first import.
      const { readImport, ImportError } = await import('@/utils/chat/export');
      let conversations: Conversation[];
      try {
        conversations = readImport(data, Date.now(), locale);
      } catch (error) {
        if (error instanceof ImportError) refuse(error.message);
        throw error;
      }
      let imported = 0;
      let skipped = 0;
      // One at a time: a quota error stops the import with what was stored so far kept.
      for (const conversation of conversations) {
        if (await addConversation(conversation)) imported += 1;
        else skipped += 1;
      }
      return { imported, skipped };
    },
  },
  chatEstimate: {
    allowedFrom: PAGES_ONLY,
    maxBytes: LIMITS.largeMessage,
    parse: (data) => {
      const value = asObject(data);
      return {
        conversationId: asIdOrNull(value.conversationId),
        text: asString(value.text, 'text', MAX_MESSAGE_CHARS),
        model: asModel(value.model),
      };
    },
    handle: async ({ conversationId, text, model }, { settings }) => {
      const conversation = conversationId ? await getConversation(conversationId) : undefined;
      const counter = await chatCounter(model);
      const { plan } = buildRequest(
        { model, history: historyTurns(conversation?.messages ?? []), message: text },
        settings,
        counter,
      );
      return estimateOf(plan, model, counter.exact, settings.priceOverrides);
    },
  },
};
