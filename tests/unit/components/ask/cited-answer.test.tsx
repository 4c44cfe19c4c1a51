// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CitedAnswer } from '@/components/ask/cited-answer';
import { AskSettings } from '@/components/ask/settings';
import { setLocale } from '@/utils/i18n';

setLocale('en');

describe('CitedAnswer', () => {
  it('makes buttons of the citations of sent blocks only, outside code, and reports clicks', () => {
    const onCite = vi.fn();
    render(
      <CitedAnswer text={'Otters use stones [3][7]. They fly [99].\n\n`code [3]`'} sent={new Set([3, 7])} onCite={onCite} />,
    );
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Citation 3',
      'Citation 7',
    ]);
    expect(document.body.textContent).toContain('They fly [99].');
    expect(document.querySelector('code')!.textContent).toBe('code [3]');
    // jsdom's events are not trusted: a page script's click cannot show a passage.
    fireEvent.click(screen.getByRole('button', { name: 'Citation 7' }));
    expect(onCite).not.toHaveBeenCalled();
  });

  it('never renders remote images or raw HTML from the answer', () => {
    render(
      <CitedAnswer
        text={'![x](http://127.0.0.1:9/p.png) <img src="http://127.0.0.1:9/q.png"> [1]'}
        sent={new Set([1])}
        onCite={() => {}}
      />,
    );
    expect(document.querySelectorAll('img')).toHaveLength(0);
    screen.getByRole('button', { name: 'Citation 1' });
  });
});

describe('AskSettings', () => {
  it('saves a budget in range, refuses one out of range, and switches the tab following', () => {
    const onChange = vi.fn();
    render(<AskSettings askPageBudget={6000} sidePanelFollowsTab={false} sidePanelOnToolbar={false} onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Page tokens sent with a question' });
    fireEvent.input(field, { target: { value: '12,000' } });
    fireEvent.change(field);
    expect(onChange).toHaveBeenLastCalledWith({ askPageBudget: 12_000 });
    fireEvent.input(field, { target: { value: '10' } });
    fireEvent.change(field);
    screen.getByRole('alert');
    expect(onChange).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('checkbox', { name: 'The side panel follows the active tab' }));
    expect(onChange).toHaveBeenLastCalledWith({ sidePanelFollowsTab: true });
  });
});
