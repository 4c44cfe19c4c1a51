import { browser } from 'wxt/browser';
import type { ActionDefinition } from '@/utils/background/action';
import type { HandlerContext } from '@/utils/background/handler';
import { asObject, asString } from '@/utils/background/validate';
import { AppError } from '@/utils/errors';
import { callModel } from '@/utils/llm/background/model-call';
import { costOf, priceFor } from '@/utils/llm/pricing';
import { getTokenizer } from '@/utils/llm/tokens';
import type { Settings } from '@/utils/settings';
import { sidePanelPath } from '@/utils/ask/open-panel';
import {
  claimTaken,
  PANEL_SELECTION_CHARS,
  panelRequestsItem,
  takeWaiting,
  withWaiting,
  type PanelRequest,
  type PanelRequests,
} from '@/utils/actions/panel-requests';
import type { ActionRunInput, PanelActionView } from '@/utils/actions/types';
import { takeOpening } from './panel-opening';
import { actionRequest, parseRunInput } from './run-action';

let queue: Promise<unknown> = Promise.resolve();

/** Changes the stored requests one change at a time, so that two panels cannot take one request. */
function change<T>(step: (requests: PanelRequests, now: number) => { requests: PanelRequests; result: T }): Promise<T> {
  const next = queue.then(async () => {
    const { requests, result } = step(await panelRequestsItem.getValue(), Date.now());
    await panelRequestsItem.setValue(requests);
    return result;
  });
  queue = next.catch(() => {});
  return next;
}

interface OpenContext {
  windowId: number;
  tabId: number;
}
type GetContexts = (filter: { documentUrls: string[] }) => Promise<OpenContext[]>;

/**
 * Without the browser's panel: the same page bound to the tab, in a small window of its own, or
 * the one already open for the tab, brought forward (it takes the request by itself).
 */
async function openPanelWindow(tabId: number): Promise<void> {
  const url = browser.runtime.getURL(sidePanelPath(tabId));
  const runtime = browser.runtime as unknown as { getContexts?: GetContexts };
  const open = await runtime.getContexts?.({ documentUrls: [url] }).catch(() => []);
  const existing = open?.find((context) => context.windowId >= 0);
  if (existing) {
    if (existing.tabId >= 0) await browser.tabs.update(existing.tabId, { active: true }).catch(() => {});
    await browser.windows?.update(existing.windowId, { focused: true }).catch(() => {});
    return;
  }
  if (browser.windows?.create) await browser.windows.create({ url, type: 'popup', width: 440, height: 720 });
  else await browser.tabs.create({ url });
}

/**
 * From the toolbar (a trusted click on it), or from the action card's script for a context-menu
 * item or a shortcut (which opened the panel themselves): builds the action's request as the card would, leaves
 * it waiting for the tab's side panel, and shows the panel (or, when the browser refuses, the
 * panel's page in a window).
 */
async function openActionInPanel(input: ActionRunInput, context: HandlerContext): Promise<{ shownIn: 'panel' | 'window' }> {
  if (!context.tab) throw new AppError('refused', { detail: 'no tab' });
  const tabId = context.tab.id;
  const opening = takeOpening(tabId);
  const { name, spec } = await actionRequest(input, context.settings, context.locale, 'panel');
  const request: PanelRequest = {
    id: `p-${crypto.randomUUID()}`,
    tabId,
    name,
    selection: input.selection.slice(0, PANEL_SELECTION_CHARS),
    spec,
    createdAt: Date.now(),
  };
  await change((requests, now) => ({ requests: withWaiting(requests, request, now), result: null }));
  if (await opening) return { shownIn: 'panel' };
  await openPanelWindow(tabId);
  return { shownIn: 'window' };
}

/** What sending a request will cost, before it is sent. */
async function viewOf(request: PanelRequest, settings: Settings): Promise<PanelActionView> {
  const model = request.spec.model;
  const tokens = await getTokenizer(model).then(
    (tokenizer) => tokenizer.countChat(request.spec.turns),
    () => 0,
  );
  const costUsd = costOf(
    { promptTokens: tokens, cachedTokens: 0, completionTokens: 0 },
    priceFor(model, settings.priceOverrides),
  );
  return { id: request.id, tabId: request.tabId, name: request.name, selection: request.selection, model, tokens, costUsd };
}

/** From the side panel of a tab: the request waiting for it, taken (no other panel gets it). */
export async function takePanelAction({ tabId }: { tabId: number }, settings: Settings): Promise<PanelActionView | null> {
  const request = await change((requests, now) => {
    const taken = takeWaiting(requests, tabId, now);
    return { requests: taken.requests, result: taken.request };
  });
  return request && viewOf(request, settings);
}

export function parseTake(raw: unknown): { tabId: number } {
  const tabId = asObject(raw).tabId;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) throw new AppError('refused', { detail: 'tabId' });
  return { tabId };
}

/** The handlers of the panel's way: the toolbar's request, the panel's taking it. */
export const panelHandlers = {
  openActionInPanel: {
    allowedFrom: ['content-script'] as const,
    maxBytes: 256 * 1024,
    parse: parseRunInput,
    handle: openActionInPanel,
  },
  takePanelAction: {
    allowedFrom: ['extension-page'] as const,
    parse: parseTake,
    handle: (request: { tabId: number }, context: { settings: Settings }) => takePanelAction(request, context.settings),
  },
};

/** The answer of a request the panel took, streamed to it; filed under the action's name. */
export const runPanelActionDefinition: ActionDefinition<'runPanelAction'> = {
  keepOnDisconnect: false,
  allowedFrom: ['extension-page'],
  parse: (raw) => {
    const value = asObject(raw);
    return { id: asString(value.id, 'id', 60), tabId: parseTake(value).tabId };
  },
  run: async ({ id, tabId }, ctx) => {
    const request = await change((requests, now) => {
      const claimed = claimTaken(requests, id, tabId, now);
      return { requests: claimed.requests, result: claimed.request };
    });
    if (!request) throw new AppError('refused', { detail: 'no such request' });
    const result = await callModel(
      { feature: request.name, spec: request.spec, signal: ctx.signal, onDelta: (delta) => ctx.delta(delta) },
      ctx,
    );
    ctx.usage(result.usage);
    return result.finishReason;
  },
};
