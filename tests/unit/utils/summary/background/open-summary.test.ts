import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommand } from '@/entrypoints/background/commands';
import { COMMANDS, MENU_ITEMS } from '@/entrypoints/background/features';
import { onMenuClick } from '@/entrypoints/background/menus';
import { SUMMARIZE_COMMAND } from '@/utils/summary/background/open-summary';
import { pinnedTabId } from '@/utils/ui/target-tab';

describe('summary entry points', () => {
  it('"Summarize this page" opens the summary view pinned to the clicked tab, starting at once', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    const item = MENU_ITEMS.find((candidate) => candidate.title === 'menuSummarizePage')!;
    expect(item.contexts).toEqual(['page', 'selection']);
    onMenuClick({ menuItemId: item.id } as never, { id: 42 } as never);
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    const url = new URL(create.mock.calls[0]![0]!.url as string);
    expect(url.pathname).toBe('/popup.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tabId: '42', view: 'summary', run: '1' });
  });

  it('the keyboard shortcut does the same, and nothing without a tab', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    expect(COMMANDS).toHaveProperty(SUMMARIZE_COMMAND);
    onCommand(SUMMARIZE_COMMAND, { id: 7 } as never);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]!.url).toContain('tabId=7');
    onCommand(SUMMARIZE_COMMAND, undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('pages read ?tabId= only when it is a tab id', () => {
    expect(pinnedTabId('?tabId=12&view=summary')).toBe(12);
    expect(pinnedTabId('?tabId=-1')).toBeNull();
    expect(pinnedTabId('?tabId=1e3')).toBeNull();
    expect(pinnedTabId('?view=summary')).toBeNull();
  });
});
