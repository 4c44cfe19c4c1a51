import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FakeServer } from '@/tests/fake-server';
import { answers, openChat, sendMessage } from './chat-helpers';
import { closeAll, startConfiguredGlance } from './configure';
import type { Glance } from './harness';

const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

let server: FakeServer;
let glance: Glance;

beforeAll(async () => ({ server, glance } = await startConfiguredGlance()));
afterAll(() => closeAll(glance, server));
beforeEach(() => server.reset());

const LONG = Array.from({ length: 60 }, (_, i) => `Sentence number ${i + 1} of a long answer.`).join(' ');

it('a call whose worker was stopped mid-answer is billed, interrupted, in the Usage table and in today’s spending', async () => {
  const popup = await openChat(glance);
  server.enqueue({ kind: 'text', text: LONG, chunkChars: 12, chunkIntervalMs: 100 });
  await sendMessage(popup, 'Answer slowly.');
  await poll(async () => (await answers(popup).last().textContent()) ?? '').toContain('Sentence number 3');
  // Past the ledger's 250 ms save of the text that arrived.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const cdp = await glance.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await poll(() => answers(popup).last().getByText('Interrupted', { exact: true }).count()).toBe(1);
  await popup.close();

  // The page wakes a new worker, which settles the line the stopped one left.
  const page = await glance.openPage('options.html#usage');
  const rows = page.getByRole('table', { name: 'Recent calls' }).locator('tbody tr');
  const cells = async () => {
    await page.reload();
    await rows.first().waitFor();
    return rows.first().locator('td').allTextContents();
  };
  await poll(async () => (await cells())[7]).toBe('interrupted');
  const [, feature, model, prompt, , completion, cost] = await cells();
  expect([feature, model]).toEqual(['Chat', 'gpt-4o-mini']);
  // Billed for the prompt and the text that arrived, both Glance's own counts.
  expect(Number(prompt!.replace(/[≈,]/g, ''))).toBeGreaterThan(10);
  expect(Number(completion!.replace(/[≈,]/g, ''))).toBeGreaterThan(5);
  expect(prompt).toMatch(/^≈/);
  expect(cost).toMatch(/^\$0\.0\d*[1-9]/);
  expect(await rows.count()).toBe(1);

  // Today's spending is that call's cost.
  const today = page.locator('.usage-total').filter({ has: page.getByRole('heading', { name: 'Today' }) });
  expect(await today.locator('.usage-cost').textContent()).toBe(cost);
  await page.close();
});

it('storage full when a call is recorded: the answer is kept and says its cost could not be recorded', async () => {
  const worker = await glance.worker();
  // The ledger's store refuses every write, as a full disk makes IndexedDB do; chats still save.
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { realAdd?: unknown; realPut?: unknown };
    const proto = IDBObjectStore.prototype;
    scope.realAdd = proto.add;
    scope.realPut = proto.put;
    const full = (real: (...args: unknown[]) => IDBRequest) =>
      function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'calls') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.apply(this, args);
      };
    proto.add = full(proto.add as never) as never;
    proto.put = full(proto.put as never) as never;
  });
  try {
    const popup = await openChat(glance);
    await popup.getByRole('button', { name: 'New chat' }).click();
    server.enqueue({ kind: 'text', text: 'An answer worth keeping.' });
    await sendMessage(popup, 'Answer even with a full disk.');
    await poll(() => popup.getByText('could not be recorded', { exact: false }).count()).toBe(1);
    expect(await answers(popup).last().textContent()).toContain('An answer worth keeping.');
    await popup.close();

    // Reopened, the answer is still there: only its ledger line was lost.
    const again = await openChat(glance);
    await poll(async () => (await answers(again).last().textContent()) ?? '').toContain('An answer worth keeping.');
    await again.close();
  } finally {
    await worker.evaluate(() => {
      const scope = globalThis as unknown as { realAdd: never; realPut: never };
      IDBObjectStore.prototype.add = scope.realAdd;
      IDBObjectStore.prototype.put = scope.realPut;
    });
  }
});
