import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION_CARD_SCRIPT, loadIntoFrame, showActionInFrame, TOOLBAR_SCRIPT } from '@/utils/actions/background/launcher';
import type { ToolbarAction } from '@/utils/actions/types';
import { BRIDGE_KEY } from '@/utils/translate/page/card-bridge';

type Injection = { target: unknown; files?: string[]; func?: (...args: never[]) => unknown; args?: unknown[] };

/** Runs injected functions here, as the frame would; records loaded files. */
function fakeScripting() {
  return {
    executeScript: vi.fn(async (injection: Injection) => [
      { frameId: 0, result: injection.func?.(...(injection.args as never[])) },
    ]),
  };
}

const explain: ToolbarAction = { id: 'explain', name: 'Explain', icon: '?', replace: false, ask: false, panel: false };
const scope = globalThis as Record<string, unknown>;

afterEach(() => {
  delete scope[BRIDGE_KEY];
});

describe('loadIntoFrame', () => {
  it('loads a script into exactly the asking frame, once', async () => {
    const scripting = fakeScripting();
    await loadIntoFrame(7, 3, TOOLBAR_SCRIPT, 'drawn', scripting as never);
    expect(scripting.executeScript).toHaveBeenCalledTimes(2);
    expect(scripting.executeScript.mock.calls[1]![0]).toEqual({ target: { tabId: 7, frameIds: [3] }, files: [TOOLBAR_SCRIPT] });
    scope[BRIDGE_KEY] = { drawn: () => true };
    await loadIntoFrame(7, 3, TOOLBAR_SCRIPT, 'drawn', scripting as never);
    expect(scripting.executeScript).toHaveBeenCalledTimes(3);
  });
});

describe('showActionInFrame (the context menu)', () => {
  it('leaves the action and the menu text on the bridge and loads the card, which runs it', async () => {
    const scripting = fakeScripting();
    await showActionInFrame(1, 0, explain, 'menu text', scripting as never);
    expect(scope[BRIDGE_KEY]).toEqual({ menuAction: { action: explain, fallbackText: 'menu text' } });
    expect(scripting.executeScript.mock.calls[1]![0]).toMatchObject({ files: [ACTION_CARD_SCRIPT] });
  });

  it('has a loaded card run it at once', async () => {
    const scripting = fakeScripting();
    const openMenuAction = vi.fn();
    scope[BRIDGE_KEY] = { openMenuAction };
    await showActionInFrame(1, 0, explain, '', scripting as never);
    expect(openMenuAction).toHaveBeenCalledTimes(1);
    expect(scripting.executeScript).toHaveBeenCalledTimes(1);
  });
});
