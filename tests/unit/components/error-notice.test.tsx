// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '@/components/error-notice';
import { AppError, fromWireError, toWireError } from '@/utils/errors';
import { setLocale } from '@/utils/i18n';

setLocale('en');
afterEach(() => vi.useRealTimers());

describe('a rate limit with Retry-After: 120', () => {
  it('says how long to wait, in both languages, and carries the seconds across contexts', () => {
    const error = new AppError('rate_limited', { retryAfterMs: 120_000 });
    const wire = fromWireError(JSON.parse(JSON.stringify(toWireError(error, 'en'))));
    expect(wire.message).toMatch(/wait 2 min before trying again\.$/);
    expect(wire.retryAfterSeconds).toBe(120);
    expect(toWireError(error, 'zh-CN').message).toContain('2 分钟');
    // A short wait is retried inside the request and not worth a sentence.
    expect(toWireError(new AppError('rate_limited', { retryAfterMs: 1_000 })).retryAfterSeconds).toBeUndefined();
    expect(fromWireError({ ...wire, retryAfterSeconds: 'soon' }).retryAfterSeconds).toBeUndefined();
  });

  it('offers "Retry in 2 min", counting down, then Retry', () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const wire = toWireError(new AppError('rate_limited', { retryAfterMs: 120_000 }), 'en');
    render(<ErrorNotice error={wire} onRetry={onRetry} />);
    const button = screen.getByRole('button', { name: 'Retry in 2 min' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    act(() => void vi.advanceTimersByTime(75_000));
    expect(button.textContent).toBe('Retry in 45 s');
    act(() => void vi.advanceTimersByTime(45_000));
    expect(button.textContent).toBe('Retry');
    fireEvent.click(button);
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
