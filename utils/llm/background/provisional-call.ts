import { audioCostOf, costOf, priceFor, type PriceOverrides } from '@/utils/llm/pricing';
import { getTokenizer } from '@/utils/llm/tokens';
import type { CallRecord } from '@/utils/usage/types';
import { pendingCalls, recordCall, replaceCall, updatePending } from './ledger';

/**
 * Provisional ledger lines: a call's line is written before its request is sent and settled when
 * it ends, so a worker that dies mid-answer (or a write that fails at the end) never leaves a
 * billed call out of the budgets. The text that arrives is saved with the line as it streams, so
 * the next worker start can settle a leftover line with what was billed.
 */

/** This worker run: lines written by another run, still pending, were left by a worker that died. */
export const WORKER_ID = crypto.randomUUID();

/** Saving the text that arrived at most this often (like the chat's own writes). */
const SAVE_EVERY_MS = 250;

/** A call's provisional line, open while the call streams. */
export interface OpenCall {
  /** Adds text that arrived; saved with the line at most every 250 ms. */
  arrived(delta: string): void;
  /** A better estimate of the prompt than the line was written with (until the call settles). */
  estimate(line: Pick<CallRecord, 'promptTokens' | 'costUsd'>): void;
  /** Replaces the provisional line with the call's final record. False when it could not be saved. */
  settle(record: CallRecord): Promise<boolean>;
}

/**
 * Starts writing a call's provisional line: status 'pending', estimated, billed for the prompt.
 * The write is queued at once and not waited for (the request goes out alongside it); later
 * writes of the line run after it. A failed write (storage full) does not stop the call:
 * settling tries again and reports the outcome.
 */
export function openCall(line: Omit<CallRecord, 'status' | 'worker' | 'arrived'>): OpenCall {
  let id: number | undefined;
  // Writes run one after another, so settling waits for the line and the last save of the text.
  let writes: Promise<unknown> = recordCall({ ...line, status: 'pending', worker: WORKER_ID, arrived: '' }).then(
    (written) => {
      id = written;
    },
    (error: unknown) => console.error('ledger write failed', error),
  );
  let text = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  /** Runs a change of the written line after the writes before it (none when it was never written). */
  const update = (change: (stored: CallRecord) => CallRecord) => {
    writes = writes
      .then(() => (id === undefined ? undefined : updatePending(id, change)))
      .catch((error: unknown) => console.error('ledger write failed', error));
  };
  const save = () => {
    timer = undefined;
    const snapshot = text;
    update((stored) => ({ ...stored, arrived: snapshot, time: Date.now() }));
  };
  return {
    estimate({ promptTokens, costUsd }) {
      if (!settled) update((stored) => ({ ...stored, promptTokens, costUsd }));
    },
    arrived(delta) {
      text += delta;
      timer ??= setTimeout(save, SAVE_EVERY_MS);
    },
    async settle(record) {
      settled = true;
      clearTimeout(timer);
      await writes;
      try {
        if (id === undefined) await recordCall(record);
        else await replaceCall(id, record);
        return true;
      } catch (error) {
        console.error('ledger write failed', error);
        return false;
      }
    },
  };
}

/**
 * Settles the provisional lines a dead worker left (any not written by `worker`): billed for the
 * prompt and for the text that had arrived, estimated, status 'interrupted'. Returns how many.
 */
export async function settleLeftoverCalls(prices: PriceOverrides, worker: string = WORKER_ID): Promise<number> {
  let settled = 0;
  for (const line of await pendingCalls()) {
    if (line.worker === worker || line.id === undefined) continue;
    // Counted outside the transaction: IndexedDB commits a transaction that waits on other work.
    const completionTokens = (await getTokenizer(line.model)).count(line.arrived ?? '');
    const price = priceFor(line.model, prices);
    // A transcription is billed by the minute of audio sent, whatever text came back.
    const costUsd = line.audioSeconds ? audioCostOf(line.audioSeconds, price) : costOf({ ...line, completionTokens }, price);
    const done = await updatePending(line.id, ({ arrived: _text, worker: _run, ...rest }) => ({
      ...rest,
      completionTokens,
      costUsd,
      estimated: true,
      status: 'interrupted',
    }));
    if (done) settled += 1;
  }
  return settled;
}
