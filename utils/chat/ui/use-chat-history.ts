import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Status } from '@/utils/ui/status';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  exportJson,
  exportMarkdown,
  ImportError,
  readImport,
} from '@/utils/chat/export';
import type { Conversation, ConversationSummary } from '@/utils/chat/types';
import { t } from '@/utils/i18n';
import { LIMITS } from '@/utils/protocol';
import { sendMessage } from '@/utils/messaging';
import { saveTextFile } from '@/utils/ui/download';
import { errorStatus } from '@/utils/ui/status';

export type ExportFormat = 'md' | 'json';

/** What the history view can do. */
export interface HistoryControls {
  setQuery(query: string): void;
  rename(id: string, title: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Exports the given conversations, or all of them (null). */
  exportTo(ids: string[] | null, format: ExportFormat): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Makes a conversation the chat's current one; false (with the reason shown) when that failed. */
  open(id: string): Promise<boolean>;
}

/** Imports go in batches that each fit one message (the background checks every batch again). */
const BATCH_CHARS = LIMITS.largeMessage - 64 * 1024;

function batchesOf(conversations: Conversation[]): { batches: Conversation[][]; tooLarge: number } {
  const batches: Conversation[][] = [];
  let batch: Conversation[] = [];
  let size = 0;
  let tooLarge = 0;
  for (const conversation of conversations) {
    const chars = JSON.stringify(conversation).length;
    if (chars > BATCH_CHARS) {
      tooLarge += 1;
      continue;
    }
    if (size + chars > BATCH_CHARS && batch.length) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(conversation);
    size += chars;
  }
  if (batch.length) batches.push(batch);
  return { batches, tooLarge };
}

/** The chat history for a page: search, rename, delete, export and import, with a status line. */
export function useChatHistory(): {
  query: string;
  items: ConversationSummary[] | null;
  status: Status | null;
  controls: HistoryControls;
} {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const sequence = useRef(0);
  const latestQuery = useRef(query);
  latestQuery.current = query;

  const refresh = (wanted = latestQuery.current) => {
    const id = ++sequence.current;
    return sendMessage('chatList', { query: wanted }).then(
      (list) => {
        if (id === sequence.current) setItems(list);
      },
      (error) => setStatus(errorStatus(error)),
    );
  };

  useEffect(() => {
    const timer = setTimeout(() => void refresh(query), query ? 150 : 0);
    return () => clearTimeout(timer);
  }, [query]);

  const controls = useMemo<HistoryControls>(
    () => ({
      setQuery,
      async rename(id, title) {
        try {
          await sendMessage('chatRename', { id, title });
          await refresh();
          return true;
        } catch (error) {
          setStatus(errorStatus(error));
          return false;
        }
      },
      async remove(id) {
        const title = items?.find((item) => item.id === id)?.title ?? '';
        try {
          await sendMessage('chatDelete', { id });
          setStatus({ kind: 'success', text: t('historyDeleted', { title }) });
          await refresh();
        } catch (error) {
          setStatus(errorStatus(error));
        }
      },
      async exportTo(ids, format) {
        try {
          const conversations = await sendMessage('chatExport', { ids });
          const title = ids?.length === 1 ? conversations[0]?.title : undefined;
          const name = exportFileName(format, title);
          if (format === 'json') saveTextFile(name, exportJson(conversations), 'application/json');
          else {
            const labels = {
              you: t('chatYou'),
              assistant: t('chatAssistant'),
              model: t('chatModelLabel'),
              stopped: t('chatStopped'),
              interrupted: t('chatInterrupted'),
            };
            saveTextFile(name, exportMarkdown(conversations, labels), 'text/markdown');
          }
          setStatus({ kind: 'success', text: t('historyExported', { count: conversations.length }) });
        } catch (error) {
          setStatus(errorStatus(error));
        }
      },
      async importFile(file) {
        let data: unknown;
        try {
          data = JSON.parse(await file.text());
        } catch {
          setStatus({ kind: 'error', text: t('historyImportUnreadable') });
          return;
        }
        let conversations: Conversation[];
        try {
          conversations = readImport(data);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          setStatus({ kind: 'error', text: t('historyImportInvalid', { detail: error.where }) });
          return;
        }
        const { batches, tooLarge } = batchesOf(conversations);
        let imported = 0;
        let skipped = 0;
        try {
          for (const batch of batches) {
            const result = await sendMessage('chatImport', {
              data: { format: EXPORT_FORMAT, version: EXPORT_VERSION, conversations: batch },
            });
            imported += result.imported;
            skipped += result.skipped;
          }
          setStatus(
            tooLarge
              ? { kind: 'warning', text: `${t('historyImported', { imported, skipped })} ${t('historyImportTooLarge')}` }
              : { kind: 'success', text: t('historyImported', { imported, skipped }) },
          );
        } catch (error) {
          // What was stored before the failure stays; say so along with the error.
          const done = imported ? ` ${t('historyImported', { imported, skipped })}` : '';
          const failed = errorStatus(error);
          setStatus({ ...failed, text: `${failed.text}${done}` });
        }
        await refresh();
      },
      async open(id) {
        try {
          await sendMessage('chatSetCurrent', { id });
          return true;
        } catch (error) {
          setStatus(errorStatus(error));
          return false;
        }
      },
    }),
    [items],
  );

  return { query, items, status, controls };
}
