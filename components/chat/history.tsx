import { formatDateTime } from '@/utils/locale-format';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary } from '@/utils/chat/types';
import { t } from '@/utils/i18n';
import type { ExportFormat } from '@/utils/chat/ui/use-chat-history';
import { DeleteIcon, ExportIcon, MoreIcon, RenameIcon } from '@/components/icons';
import { MenuButton } from '@/components/menu-button';
import { StatusMessage } from '@/components/status-message';
import type { Status } from '@/utils/ui/status';
import './chat.css';

export interface ChatHistoryProps {
  query: string;
  /** Null while loading. */
  items: ConversationSummary[] | null;
  status: Status | null;
  /**
   * In the toolbar popup a file picker closes the popup (and the import with it): there, Import
   * asks for History in a tab instead.
   */
  importInTab: boolean;
  onQuery(query: string): void;
  onOpen(id: string): void;
  onRename(id: string, title: string): Promise<boolean>;
  onDelete(id: string): void;
  onExport(ids: string[] | null, format: ExportFormat): void;
  onImport(file: File): void;
  onImportInTab(): void;
}

function HistoryItem({ item, props }: { item: ConversationSummary; props: ChatHistoryProps }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [title, setTitle] = useState(item.title);
  const date = formatDateTime(item.updatedAt);
  // The menu that chose Rename or Delete is gone: focus goes to the title field or to Cancel.
  const focusOnMode = useRef<HTMLInputElement & HTMLButtonElement>(null);
  useEffect(() => {
    if (mode !== 'view') focusOnMode.current?.focus();
  }, [mode]);

  const rename = async () => {
    if (title.trim() && (await props.onRename(item.id, title))) setMode('view');
  };

  return (
    <li class="chat-history-item" aria-label={item.title}>
      {mode === 'rename' ? (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <input
            ref={focusOnMode}
            type="text"
            aria-label={t('historyTitleLabel')}
            value={title}
            maxLength={200}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={!title.trim()}>
            {t('historySave')}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            {t('historyCancel')}
          </button>
        </form>
      ) : (
        <div class="history-head">
          <button type="button" class="history-open" onClick={() => props.onOpen(item.id)}>
            {item.title}
          </button>
          {mode === 'view' && (
            <MenuButton
              label={t('historyMore')}
              icon={<MoreIcon />}
              items={[
                {
                  label: t('historyRename'),
                  icon: <RenameIcon />,
                  onSelect: () => {
                    setTitle(item.title);
                    setMode('rename');
                  },
                },
                { label: t('historyDelete'), icon: <DeleteIcon />, onSelect: () => setMode('delete') },
                { label: t('historyExportMarkdown'), icon: <ExportIcon />, onSelect: () => props.onExport([item.id], 'md') },
                { label: t('historyExportJson'), icon: <ExportIcon />, onSelect: () => props.onExport([item.id], 'json') },
              ]}
            />
          )}
        </div>
      )}
      <p class="hint">{t('historyMeta', { date, count: item.messageCount, model: item.model })}</p>
      {mode === 'delete' ? (
        <fieldset class="row" aria-label={t('historyDeleteConfirm', { title: item.title })}>
          <span class="warning">{t('historyDeleteConfirm', { title: item.title })}</span>
          <button type="button" class="primary" onClick={() => props.onDelete(item.id)}>
            {t('historyDelete')}
          </button>
          <button ref={focusOnMode} type="button" onClick={() => setMode('view')}>
            {t('historyCancel')}
          </button>
        </fieldset>
      ) : null}
    </li>
  );
}

/** The stored conversations: search, open, rename, delete, export one or all, import. */
export function ChatHistory(props: ChatHistoryProps) {
  const { query, items, status } = props;
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section class="chat-history" aria-busy={items === null}>
      <input
        type="search"
        aria-label={t('historySearchLabel')}
        placeholder={t('historySearchPlaceholder')}
        value={query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
      />
      <div class="chat-history-tools">
        <button type="button" disabled={!items?.length} onClick={() => props.onExport(null, 'md')}>
          {t('historyExportAllMarkdown')}
        </button>
        <button type="button" disabled={!items?.length} onClick={() => props.onExport(null, 'json')}>
          {t('historyExportAllJson')}
        </button>
        <button
          type="button"
          title={props.importInTab ? t('historyImportInTab') : undefined}
          onClick={() => (props.importInTab ? props.onImportInTab() : picker.current?.click())}
        >
          {t('historyImport')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('historyImport')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) props.onImport(file);
          }}
        />
      </div>
      <StatusMessage status={status} />
      {items && items.length === 0 && (
        <p class="hint">{query.trim() ? t('historyNoMatch', { query: query.trim() }) : t('historyEmpty')}</p>
      )}
      <ul class="chat-history-list" aria-label={t('historyListLabel')}>
        {items?.map((item) => (
          <HistoryItem key={item.id} item={item} props={props} />
        ))}
      </ul>
    </section>
  );
}
