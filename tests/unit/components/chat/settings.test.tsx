// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ChatSettings, parseBudget, parseDeadline } from '@/components/chat/settings';
import { setLocale } from '@/utils/i18n';

setLocale('en');

describe('parseBudget', () => {
  it.each([
    ['8000', 8000],
    ['8,000', 8000],
    [' 12 000 ', 12000],
    ['0', 0],
    ['1000000', 1_000_000],
    ['1000001', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['abc', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseBudget(text)).toBe(expected);
  });
});

describe('parseDeadline', () => {
  it.each([
    ['10', 10],
    [' 1 ', 1],
    ['120', 120],
    ['0', undefined],
    ['121', undefined],
    ['2.5', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseDeadline(text)).toBe(expected);
  });
});

describe('ChatSettings', () => {
  const show = (onSave = vi.fn(async () => {})) => {
    render(
      <ChatSettings
        systemPrompt="Be brief."
        historyBudget={8000}
        showReasoning={false}
        answerDeadlineMinutes={10}
        defaultSystemPrompt="Default."
        onSave={onSave}
      />,
    );
    return onSave;
  };

  it('saves a changed system prompt and history budget', async () => {
    const onSave = show();
    const prompt = screen.getByRole('textbox', { name: 'System prompt' });
    fireEvent.input(prompt, { target: { value: 'Answer in haiku.' } });
    fireEvent.change(prompt);
    expect(onSave).toHaveBeenCalledWith({ chatSystemPrompt: 'Answer in haiku.' });
    const budget = screen.getByRole('textbox', { name: 'History budget (tokens)' });
    fireEvent.input(budget, { target: { value: '2,000' } });
    fireEvent.change(budget);
    expect(onSave).toHaveBeenCalledWith({ chatHistoryBudget: 2000 });
    await waitFor(() => expect(screen.getByText('Chat settings saved.')).toBeTruthy());
  });

  it('saves the answer time limit in whole minutes and refuses one out of range', async () => {
    const onSave = show();
    const field = screen.getByRole('textbox', { name: 'Answer time limit (minutes)' }) as HTMLInputElement;
    expect(field.value).toBe('10');
    fireEvent.input(field, { target: { value: '500' } });
    fireEvent.change(field);
    expect(onSave).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByText('Enter a whole number of minutes from 1 to 120.')).toBeTruthy());
    fireEvent.input(field, { target: { value: '30' } });
    fireEvent.change(field);
    expect(onSave).toHaveBeenCalledWith({ answerDeadlineMinutes: 30 });
  });

  it('turns on keeping the reasoning, folded under the answer (off by default)', () => {
    const onSave = show();
    const box = screen.getByRole('checkbox', { name: "Keep the model's reasoning, folded under the answer" }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(onSave).toHaveBeenCalledWith({ showReasoning: true });
  });

  it('refuses a budget that is not a whole number, keeping what was typed', () => {
    const onSave = show();
    const budget = screen.getByRole<HTMLInputElement>('textbox', { name: 'History budget (tokens)' });
    fireEvent.input(budget, { target: { value: 'lots' } });
    fireEvent.change(budget);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a whole number from 0 to 1,000,000.')).toBeTruthy();
    expect(budget.value).toBe('lots');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
  });

  it('restores the default system prompt', () => {
    const onSave = show();
    fireEvent.click(screen.getByRole('button', { name: 'Restore the default' }));
    expect(onSave).toHaveBeenCalledWith({ chatSystemPrompt: 'Default.' });
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'System prompt' }).value).toBe('Default.');
  });
});
