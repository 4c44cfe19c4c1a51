// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '@/utils/ui/lazy-component';

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>;
}

afterEach(cleanup);

describe('lazyComponent', () => {
  it('loads its module when first shown, then shows it with its props', async () => {
    const load = vi.fn(async () => Greeting);
    const Lazy = lazyComponent(load);
    expect(load).not.toHaveBeenCalled();
    render(<Lazy name="Ada" />);
    expect(screen.queryByText('Hello, Ada')).toBeNull();
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows at once, with no second load, once preloaded or shown before', async () => {
    const load = vi.fn(async () => Greeting);
    const Lazy = lazyComponent(load);
    await Lazy.preload();
    render(<Lazy name="Grace" />);
    expect(screen.getByText('Hello, Grace')).toBeTruthy();
    cleanup();
    render(<Lazy name="Linus" />);
    expect(screen.getByText('Hello, Linus')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows nothing when the load fails, and loads again when shown again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk missing')).mockResolvedValue(Greeting);
    const Lazy = lazyComponent<{ name: string }>(load);
    const { container } = render(<Lazy name="Ken" />);
    await act(async () => {
      await Promise.resolve();
    });
    expect(container.innerHTML).toBe('');
    cleanup();
    render(<Lazy name="Ken" />);
    expect(await screen.findByText('Hello, Ken')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
