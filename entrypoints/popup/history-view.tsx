import { ChatHistory } from '@/components/chat/history';
import { isToolbarPopup, openExtensionTab } from '@/utils/ui/popup-window';
import { useChatHistory } from '@/utils/chat/ui/use-chat-history';

/** The popup's History tab; opening a conversation shows it in the Chat tab. */
export function HistoryView({ onOpened }: { onOpened(): void }) {
  const { query, items, status, controls } = useChatHistory();
  return (
    <ChatHistory
      query={query}
      items={items}
      status={status}
      importInTab={isToolbarPopup()}
      onQuery={controls.setQuery}
      onOpen={(id) => void controls.open(id).then((opened) => opened && onOpened())}
      onRename={controls.rename}
      onDelete={(id) => void controls.remove(id)}
      onExport={(ids, format) => void controls.exportTo(ids, format)}
      onImport={(file) => void controls.importFile(file)}
      onImportInTab={() => openExtensionTab('popup.html?view=history')}
    />
  );
}
