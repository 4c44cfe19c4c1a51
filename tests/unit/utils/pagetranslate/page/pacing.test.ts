import { describe, expect, it } from 'vitest';
import type { WireError } from '@/utils/errors';
import { Pacing } from '@/utils/pagetranslate/page/pacing';

const error = (code: string, extra: Partial<WireError> = {}): WireError =>
  ({ code, message: code, retryable: false, ...extra }) as WireError;

describe('page translation pacing', () => {
  it('pauses the queue for a 429 by its Retry-After', () => {
    const pacing = new Pacing();
    expect(pacing.failed(error('rate_limited', { retryAfterSeconds: 7 }), 1_000)).toBe(true);
    expect(pacing.wait(1_000)).toBe(7_000);
    expect(pacing.wait(8_000)).toBe(0);
  });

  it('waits longer after each passing failure in a row, then lets the error stop the queue', () => {
    const pacing = new Pacing();
    const network = error('network', { retryable: true });
    expect(pacing.failed(network, 0)).toBe(true);
    expect(pacing.wait(0)).toBe(3_000);
    expect(pacing.failed(network, 0)).toBe(true);
    expect(pacing.wait(0)).toBe(6_000);
    expect(pacing.failed(network, 0)).toBe(true);
    expect(pacing.failed(network, 0)).toBe(false);
  });

  it('stops at once on an error retrying cannot help; a success or the user going on starts the count again', () => {
    const pacing = new Pacing();
    expect(pacing.failed(error('invalid_key'), 0)).toBe(false);
    const network = error('network', { retryable: true });
    pacing.failed(network, 0);
    pacing.failed(network, 0);
    pacing.succeeded();
    pacing.failed(network, 10_000);
    expect(pacing.wait(10_000)).toBe(3_000);
    pacing.failed(network, 10_000);
    pacing.reset();
    expect(pacing.wait(10_000)).toBe(0);
    pacing.failed(network, 10_000);
    expect(pacing.wait(10_000)).toBe(3_000);
  });
});
