import { describe, expect, it, vi } from 'vitest';
import { LiveText } from '@/utils/live-text';

describe('LiveText', () => {
  it('grows by pieces, tells its subscribers each piece, and joins the text only when asked', () => {
    const live = new LiveText('Start');
    const seen = vi.fn();
    const stop = live.subscribe(seen);
    live.append(', more');
    live.append('');
    live.append(' and more.');
    expect(seen.mock.calls.map(([change]) => change)).toEqual([
      { type: 'append', text: ', more' },
      { type: 'append', text: ' and more.' },
    ]);
    expect(live.text).toBe('Start, more and more.');
    stop();
    live.append('!');
    expect(seen).toHaveBeenCalledTimes(2);
    expect(live.text).toBe('Start, more and more.!');
  });

  it('can be replaced altogether, and says whether it holds anything', () => {
    const live = new LiveText();
    expect(live.empty).toBe(true);
    const seen = vi.fn();
    live.subscribe(seen);
    live.reset('Other answer');
    expect(live.empty).toBe(false);
    expect(live.text).toBe('Other answer');
    expect(seen).toHaveBeenCalledWith({ type: 'reset', text: 'Other answer' });
    live.reset('');
    expect(live.empty).toBe(true);
  });
});
