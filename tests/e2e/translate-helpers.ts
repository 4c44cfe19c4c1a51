import type { Frame, Locator, Page } from 'playwright-core';
import type { FakeServer, RecordedRequest } from '@/tests/fake-server';
import type { Ax, AxNode } from './ax';

/** A rectangle in viewport coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Selects an element's text with the mouse: press at its start, drag to its end, release. */
export async function dragSelect(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  const y = box.y + Math.min(box.height / 2, 10);
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, box.y + box.height - 4, { steps: 4 });
  await page.mouse.up();
}

/** The line boxes of the page's current selection. */
export function selectionRects(frame: Page | Frame): Promise<Rect[]> {
  return frame.evaluate(() => {
    const selection = getSelection()!;
    if (!selection.rangeCount) return [];
    return Array.from(selection.getRangeAt(0).getClientRects(), (r) => ({
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
    })).filter((r) => r.right > r.left);
  });
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The chat requests the fake server received. */
export function chatRequests(server: FakeServer): RecordedRequest[] {
  return server.requests.filter((request) => request.path === '/v1/chat/completions');
}

/** The user message of a chat request (the text sent for translation). */
export function userMessage(request: RecordedRequest): string {
  const body = request.body as { messages: { role: string; content: string }[] };
  return body.messages.find((message) => message.role === 'user')!.content;
}

/** The system message of a chat request. */
export function systemMessage(request: RecordedRequest): string {
  const body = request.body as { messages: { role: string; content: string }[] };
  return body.messages.find((message) => message.role === 'system')!.content;
}

/** Waits for the card's "Translate again" button: the translation has finished. */
export async function translationDone(ax: Ax): Promise<AxNode> {
  return ax.find('button', 'Translate again', 15_000);
}

/**
 * A button of the selection toolbar once the toolbar is whole: its actions drawn and the toolbar
 * placed at its full width (over a text field it then steps off the field, so a click on the
 * half-drawn toolbar can land on the page).
 */
export async function toolbarButton(ax: Ax, name: string): Promise<AxNode> {
  await ax.find('button', 'More actions');
  return ax.find('button', name);
}
