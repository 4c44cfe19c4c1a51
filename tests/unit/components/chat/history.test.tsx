// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ChatHistory, type ChatHistoryProps } from '@/components/chat/history';
import type { ConversationSummary } from '@/utils/chat/types';
import { setLocale } from '@/utils/i18n';

setLocale('en');

const item = (id: string, title: string): ConversationSummary => ({
  id,
  title,
  model: 'gpt-4o-mini',
  createdAt: 1,
  updatedAt: 2,
  messageCount: 4,
});

function show(overrides: Partial<ChatHistoryProps> = {}) {
  const props: ChatHistoryProps = {
    query: '',
    items: [item('c1', 'Rivers'), item('c2', 'Apples')],
    status: null,
    importInTab: false,
    onQuery: vi.fn(),
    onOpen: vi.fn(),
    onRename: vi.fn(async () => true),
    onDelete: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    onImportInTab: vi.fn(),
    ...overrides,
  };
  render(<ChatHistory {...props} />);
  return props;
}

/** Opens a row's More menu and picks the item named `name`. */
function pick(title: string, name: string) {
  fireEvent.click(within(row(title)).getByRole('button', { name: 'More' }));
  fireEvent.click(within(row(title)).getByRole('menuitem', { name }));
}

const row = (title: string) => within(screen.getByRole('list', { name: 'Conversations' })).getByRole('listitem', { name: title });

describe('ChatHistory', () => {
  it('opens a conversation by its title and searches as the user types', () => {
    const props = show();
    fireEvent.click(screen.getByRole('button', { name: 'Apples' }));
    expect(props.onOpen).toHaveBeenCalledWith('c2');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search conversations' }), { target: { value: 'nile' } });
    expect(props.onQuery).toHaveBeenCalledWith('nile');
  });

  it('renames in place, and keeps the field open when renaming fails', async () => {
    const onRename = vi.fn(async () => false);
    show({ onRename });
    pick('Rivers', 'Rename');
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'New title' });
    expect(field.value).toBe('Rivers');
    fireEvent.input(field, { target: { value: 'Rivers of the world' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onRename).toHaveBeenCalledWith('c1', 'Rivers of the world'));
    expect(screen.getByRole('textbox', { name: 'New title' })).toBeTruthy();
  });

  it('asks before deleting', () => {
    const props = show();
    pick('Apples', 'Delete');
    expect(props.onDelete).not.toHaveBeenCalled();
    expect(within(row('Apples')).getByText('Delete “Apples”? This cannot be undone.')).toBeTruthy();
    fireEvent.click(within(row('Apples')).getByRole('button', { name: 'Cancel' }));
    pick('Apples', 'Delete');
    fireEvent.click(within(row('Apples')).getByRole('button', { name: 'Delete' }));
    expect(props.onDelete).toHaveBeenCalledWith('c2');
  });

  it('exports one conversation or all, as Markdown or JSON', () => {
    const props = show();
    pick('Rivers', 'Export as Markdown');
    fireEvent.click(screen.getByRole('button', { name: 'Export all (JSON)' }));
    expect(props.onExport).toHaveBeenNthCalledWith(1, ['c1'], 'md');
    expect(props.onExport).toHaveBeenNthCalledWith(2, null, 'json');
  });

  it('imports a picked file; from the toolbar popup, asks for a tab instead (a file picker would close it)', () => {
    const inTab = show({ importInTab: true });
    fireEvent.click(screen.getByRole('button', { name: 'Import JSON' }));
    expect(inTab.onImportInTab).toHaveBeenCalled();
  });

  it('hands the picked file over', () => {
    const props = show();
    const picker = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File(['{}'], 'export.json', { type: 'application/json' });
    fireEvent.change(picker, { target: { files: [file] } });
    expect(props.onImport).toHaveBeenCalledWith(file);
  });

  it('says when there is nothing yet, and when nothing matches', () => {
    show({ items: [] });
    expect(screen.getByText('No conversations yet.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export all (JSON)' }).disabled).toBe(true);
  });

  it('says what the search did not find', () => {
    show({ items: [], query: 'zebra' });
    expect(screen.getByText('No conversation contains “zebra”.')).toBeTruthy();
  });
});
