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
 * Writes a call's provisional line: status 'pending', estimated, billed for the prompt. A failed
 * write (storage full) does not stop the call: settling tries again and reports the outcome.
 */
export async function openCall(line: Omit<CallRecord, 'status' | 'worker' | 'arrived'>): Promise<OpenCall> {
  let id: number | undefined;
  try {
    id = await recordCall({ ...line, status: 'pending', worker: WORKER_ID, arrived: '' });
  } catch (error) {
    console.error('ledger write failed', error);
  }
  let text = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Writes run one after another, so settling waits for the last save of the text.
  let writes: Promise<unknown> = Promise.resolve();
  const save = () => {
    timer = undefined;
    const lineId = id;
    if (lineId === undefined) return;
    const snapshot = text;
    writes = writes
      .then(() => updatePending(lineId, (stored) => ({ ...stored, arrived: snapshot, time: Date.now() })))
      .catch((error: unknown) => console.error('ledger write failed', error));
  };
  let settled = false;
  return {
    estimate({ promptTokens, costUsd }) {
      const lineId = id;
      if (lineId === undefined || settled) return;
      writes = writes
        .then(() => updatePending(lineId, (stored) => ({ ...stored, promptTokens, costUsd })))
        .catch((error: unknown) => console.error('ledger write failed', error));
    },
    arrived(delta) {
      text += delta;
      if (id !== undefined && timer === undefined) timer = setTimeout(save, SAVE_EVERY_MS);
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
