import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommand } from '@/entrypoints/background/commands';
import { COMMANDS, MENU_ITEMS } from '@/entrypoints/background/features';
import { onMenuClick } from '@/entrypoints/background/menus';
import { SIDE_PANEL_COMMAND } from '@/utils/ask/background/feature';

/** Chrome's sidePanel, recording the order of calls (WXT's fake browser has none). */
function fakeSidePanel() {
  const calls: string[] = [];
  const sidePanel = {
    open: vi.fn(async (options: { tabId: number }) => void calls.push(`open ${options.tabId}`)),
    setOptions: vi.fn(async (options: { tabId: number; path: string }) => void calls.push(`setOptions ${options.path}`)),
  };
  (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel = sidePanel;
  return { calls, sidePanel };
}

afterEach(() => {
  delete (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel;
});

describe('opening the side panel', () => {
  it('"Ask about this page" opens it for the clicked tab, open() first, while the click counts as a gesture', () => {
    const { calls } = fakeSidePanel();
    const item = MENU_ITEMS.find((candidate) => candidate.title === 'menuAskPage')!;
    expect(item.contexts).toEqual(['page', 'selection']);
    onMenuClick({ menuItemId: item.id } as never, { id: 42, windowId: 1 } as never);
    // Synchronously, before anything is awaited.
    expect(calls).toEqual(['open 42', 'setOptions /sidepanel.html?tabId=42']);
  });

  it('the keyboard shortcut does the same, and nothing without a tab', () => {
    const { calls } = fakeSidePanel();
    expect(COMMANDS).toHaveProperty(SIDE_PANEL_COMMAND);
    onCommand(SIDE_PANEL_COMMAND, { id: 7 } as never);
    onCommand(SIDE_PANEL_COMMAND, undefined);
    expect(calls).toEqual(['open 7', 'setOptions /sidepanel.html?tabId=7']);
  });
});
