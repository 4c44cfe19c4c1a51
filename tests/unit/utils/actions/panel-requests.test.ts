import { describe, expect, it } from 'vitest';
import {
  claimTaken,
  PANEL_REQUEST_TTL_MS,
  takeWaiting,
  withWaiting,
  type PanelRequest,
  type PanelRequests,
} from '@/utils/actions/panel-requests';

const EMPTY: PanelRequests = { waiting: {}, taken: {} };
const T0 = 1_700_000_000_000;

const request = (id: string, tabId: number, createdAt = T0): PanelRequest => ({
  id,
  tabId,
  name: 'Pirate',
  selection: 'Some words',
  spec: { model: 'gpt-4o-mini', turns: [{ role: 'user', content: 'Say it: <selection>\nSome words\n</selection>' }] },
  createdAt,
});

describe('requests waiting for a side panel', () => {
  it('are taken once, and only for their own tab', () => {
    const stored = withWaiting(EMPTY, request('p-1', 7), T0);
    expect(takeWaiting(stored, 8, T0 + 10).request).toBeNull();
    const first = takeWaiting(stored, 7, T0 + 10);
    expect(first.request?.id).toBe('p-1');
    expect(takeWaiting(first.requests, 7, T0 + 20).request).toBeNull();
  });

  it('keep one per tab: a newer run replaces the one its panel has not taken yet', () => {
    let stored = withWaiting(EMPTY, request('p-1', 7), T0);
    stored = withWaiting(stored, request('p-2', 7, T0 + 5), T0 + 5);
    stored = withWaiting(stored, request('p-3', 9, T0 + 6), T0 + 6);
    expect(takeWaiting(stored, 7, T0 + 10).request?.id).toBe('p-2');
    expect(takeWaiting(stored, 9, T0 + 10).request?.id).toBe('p-3');
  });

  it('expire: a panel opened two minutes later sends nothing', () => {
    const stored = withWaiting(EMPTY, request('p-1', 7), T0);
    expect(takeWaiting(stored, 7, T0 + PANEL_REQUEST_TTL_MS - 1).request?.id).toBe('p-1');
    const late = takeWaiting(stored, 7, T0 + PANEL_REQUEST_TTL_MS);
    expect(late.request).toBeNull();
    // Expired ones are dropped from storage as well.
    expect(late.requests).toEqual(EMPTY);
    // A clock set back does not make a request live forever.
    expect(takeWaiting(stored, 7, T0 - 1).request).toBeNull();
  });

  it('run once when taken, by id and only for the tab they were taken for', () => {
    const { requests } = takeWaiting(withWaiting(EMPTY, request('p-1', 7), T0), 7, T0 + 1);
    expect(claimTaken(requests, 'p-1', 8, T0 + 2).request).toBeNull();
    expect(claimTaken(requests, 'p-2', 7, T0 + 2).request).toBeNull();
    const claimed = claimTaken(requests, 'p-1', 7, T0 + 2);
    expect(claimed.request!.spec.turns[0]!.content).toContain('<selection>');
    expect(claimed.requests).toEqual(EMPTY);
    expect(claimTaken(claimed.requests, 'p-1', 7, T0 + 3).request).toBeNull();
    expect(claimTaken(requests, 'p-1', 7, T0 + PANEL_REQUEST_TTL_MS + 1).request).toBeNull();
  });
});
