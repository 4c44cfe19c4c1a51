import { storageItem } from '@/utils/storage-item';
import type { ChatRequestSpec } from '@/utils/llm/request';

/** How long a request waits for its tab's side panel; a panel opened later does not send it. */
export const PANEL_REQUEST_TTL_MS = 2 * 60_000;

/** The selection as the panel shows it in the user's turn (the request carries all of it). */
export const PANEL_SELECTION_CHARS = 2000;

/** An action's run waiting for the side panel of its tab. */
export interface PanelRequest {
  id: string;
  tabId: number;
  /** The action's name: the user's turn and the ledger line are named after it. */
  name: string;
  selection: string;
  /** The request as the card would send it: the filled template, the page's text quoted as data. */
  spec: ChatRequestSpec;
  createdAt: number;
}

/**
 * Requests by state: `waiting` ones by tab (one per tab, the newest), `taken` ones by id, between
 * the panel taking one and its stream starting.
 */
export interface PanelRequests {
  waiting: Record<string, PanelRequest>;
  taken: Record<string, PanelRequest>;
}

/**
 * Kept in `storage.session`: it outlives a restart of the service worker but not the browser
 * session, and Chromium keeps that area from content scripts (its default access level, which
 * Glance never widens; Firefox does not offer it to content scripts at all). Only the background
 * writes it; the side panel watches it to learn that a request is waiting for its tab.
 */
export const panelRequestsItem = storageItem<PanelRequests>('session:panelActionRequests', {
  fallback: { waiting: {}, taken: {} },
});

const fresh = (request: PanelRequest, now: number) => now - request.createdAt < PANEL_REQUEST_TTL_MS && request.createdAt <= now;

function pruned(requests: PanelRequests, now: number): PanelRequests {
  const keep = (map: Record<string, PanelRequest>) =>
    Object.fromEntries(Object.entries(map).filter(([, request]) => fresh(request, now)));
  return { waiting: keep(requests.waiting), taken: keep(requests.taken) };
}

/** Pure: the requests with one more waiting for its tab (replacing the tab's older one). */
export function withWaiting(requests: PanelRequests, request: PanelRequest, now: number): PanelRequests {
  const next = pruned(requests, now);
  return { ...next, waiting: { ...next.waiting, [String(request.tabId)]: request } };
}

/** Pure: takes the request waiting for a tab, if it is still fresh; it moves to `taken`. */
export function takeWaiting(
  requests: PanelRequests,
  tabId: number,
  now: number,
): { requests: PanelRequests; request: PanelRequest | null } {
  const next = pruned(requests, now);
  const request = next.waiting[String(tabId)] ?? null;
  if (!request) return { requests: next, request: null };
  const { [String(tabId)]: _taken, ...waiting } = next.waiting;
  return { requests: { waiting, taken: { ...next.taken, [request.id]: request } }, request };
}

/** Pure: removes a taken request by id to run it, if it is still fresh and was taken for this tab. */
export function claimTaken(
  requests: PanelRequests,
  id: string,
  tabId: number,
  now: number,
): { requests: PanelRequests; request: PanelRequest | null } {
  const next = pruned(requests, now);
  const request = next.taken[id];
  if (!request || request.tabId !== tabId) return { requests: next, request: null };
  const { [id]: _claimed, ...taken } = next.taken;
  return { requests: { ...next, taken }, request };
}

/** Calls back whenever a request starts waiting for the tab (the side panel then takes it). */
export function watchWaiting(tabId: number, callback: () => void): () => void {
  return panelRequestsItem.watch((value) => {
    if (value?.waiting[String(tabId)]) callback();
  });
}
