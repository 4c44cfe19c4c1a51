// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitActions, VISIBLE } from '@/utils/actions/page/toolbar';
import type { ToolbarAction } from '@/utils/actions/types';
import { BRIDGE_KEY } from '@/utils/translate/page/card-bridge';

const action = (name: string): ToolbarAction => ({
  id: name.toLowerCase(),
  name,
  icon: name[0]!,
  replace: false,
  ask: false,
  panel: false,
});
const names = (list: ToolbarAction[]) => list.map((a) => a.name);
const scope = globalThis as Record<string, unknown>;

const realBrowser = scope.browser;
afterEach(() => {
  delete scope[BRIDGE_KEY];
  scope.browser = realBrowser;
});

describe('splitActions', () => {
  it('keeps up to four buttons, Translate included, and puts the rest under More actions', () => {
    expect(VISIBLE).toBe(4);
    const three = ['Explain', 'Summarize', 'Rewrite'].map(action);
    expect(splitActions(three)).toEqual({ shown: three, more: [] });
    const five = ['Explain', 'Summarize', 'Rewrite', 'Fix grammar', 'Ask'].map(action);
    const { shown, more } = splitActions(five);
    expect(names(shown)).toEqual(['Explain', 'Summarize', 'Rewrite']);
    expect(names(more)).toEqual(['Fix grammar', 'Ask']);
  });
});

describe('installToolbar', () => {
  it('adds the listed actions after Translate, with a More actions menu, and asks for the list each time it is drawn', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const bar = document.createElement('div');
    const translate = document.createElement('button');
    bar.append(translate);
    root.append(bar);
    document.body.append(host);
    const redraw = vi.fn();
    scope[BRIDGE_KEY] = { bar, redraw };
    const list = ['Explain', 'Summarize', 'Rewrite', 'Fix grammar', 'Ask'].map(action);
    const sendMessage = vi.fn(async () => ({ ok: true, data: { locale: 'en', actions: list } }));
    scope.browser = { runtime: { sendMessage } };
    (document as unknown as { elementsFromPoint: () => Element[] }).elementsFromPoint = () => [host];
    const { installToolbar } = await import('@/utils/actions/page/toolbar');
    installToolbar();
    await vi.waitFor(() => expect(bar.children.length).toBe(5));
    const labels = Array.from(bar.children, (child) => child.getAttribute('aria-label'));
    expect(labels).toEqual([null, 'Explain', 'Summarize', 'Rewrite', 'More actions']);
    const menu = root.querySelector('[role=menu]') as HTMLElement;
    expect(menu.hidden).toBe(true);
    expect(Array.from(menu.children, (item) => [item.getAttribute('role'), item.textContent])).toEqual([
      ['menuitem', 'Fix grammar'],
      ['menuitem', 'Ask'],
    ]);
    expect(redraw).toHaveBeenCalled();
    // One tab stop: the first button.
    expect(Array.from(bar.children, (child) => (child as HTMLElement).tabIndex)).toEqual([0, -1, -1, -1, -1]);
    (bar.children[4] as HTMLButtonElement).click();
    expect(menu.hidden).toBe(false);
    expect(bar.children[4]!.getAttribute('aria-expanded')).toBe('true');

    // Drawn again: the list is asked for again (a new action shows on an open page).
    expect((scope[BRIDGE_KEY] as { drawn(): boolean }).drawn()).toBe(true);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(sendMessage.mock.calls[0]).toEqual([{ protocol: 'glance/1', name: 'listActions', data: null }]);
    host.remove();
  });
});
