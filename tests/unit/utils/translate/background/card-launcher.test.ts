import { describe, expect, it, vi } from 'vitest';
import { CARD_SCRIPT, focusedSelectionFrame, showCardInFrame } from '@/utils/translate/background/card-launcher';
import { BRIDGE_KEY } from '@/utils/translate/page/card-bridge';

type Injection = {
  target: { tabId: number; frameIds?: number[]; allFrames?: boolean };
  files?: string[];
  func?: (...args: never[]) => unknown;
  args?: unknown[];
};

describe('showCardInFrame', () => {
  it('loads the card script into exactly the asking frame the first time, leaving the menu text for it', async () => {
    const executeScript = vi.fn(async (injection: Injection) =>
      injection.func ? [{ frameId: 3, result: false }] : [{ frameId: 3 }],
    );
    await showCardInFrame(7, 3, 'menu text', { executeScript } as never);
    expect(executeScript).toHaveBeenCalledTimes(2);
    const [probe, load] = executeScript.mock.calls.map(([injection]) => injection);
    expect(probe!.target).toEqual({ tabId: 7, frameIds: [3] });
    expect(probe!.args).toEqual([BRIDGE_KEY, 'menu text']);
    expect(load).toEqual({ target: { tabId: 7, frameIds: [3] }, files: [CARD_SCRIPT] });
  });

  it('only opens the card when it is already loaded there', async () => {
    const executeScript = vi.fn(async () => [{ frameId: 0, result: true }]);
    await showCardInFrame(7, 0, '', { executeScript } as never);
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('the probe opens a loaded card and stores the fallback text in the frame’s bridge', async () => {
    const executeScript = vi.fn(async (injection: Injection) => [
      { frameId: 0, result: injection.func?.(...(injection.args as never[])) },
    ]);
    const open = vi.fn();
    (globalThis as Record<string, unknown>)[BRIDGE_KEY] = { open };
    await showCardInFrame(1, 0, 'from the menu', { executeScript } as never);
    expect(open).toHaveBeenCalledTimes(1);
    expect((globalThis as unknown as Record<string, { fallbackText?: string }>)[BRIDGE_KEY]!.fallbackText).toBe('from the menu');
    delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
  });
});

describe('focusedSelectionFrame', () => {
  it('picks the frame that has focus and a selection, else the top frame', async () => {
    const results = [
      { frameId: 0, result: false },
      { frameId: 5, result: true },
    ];
    expect(await focusedSelectionFrame(1, { executeScript: vi.fn(async () => results) } as never)).toBe(5);
    expect(await focusedSelectionFrame(1, { executeScript: vi.fn(async () => [{ frameId: 0, result: false }]) } as never)).toBe(
      0,
    );
    expect(
      await focusedSelectionFrame(1, { executeScript: vi.fn(async () => Promise.reject(new Error('no access'))) } as never),
    ).toBe(0);
  });
});
