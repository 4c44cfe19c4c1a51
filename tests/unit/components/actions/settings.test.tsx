// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionsSettings, type ActionsSettingsProps } from '@/components/actions/settings';
import { defaultActions, resolveAction } from '@/utils/actions/builtins';
import { setLocale } from '@/utils/i18n';

function settings(props: Partial<ActionsSettingsProps> = {}) {
  const handlers = {
    onAdd: vi.fn(),
    onEdit: vi.fn(),
    onDraftChange: vi.fn(),
    onSave: vi.fn(),
    onCancel: vi.fn(),
    onToggle: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onImport: vi.fn(),
    onExport: vi.fn(),
  };
  const actions = [
    ...defaultActions().map((action) => resolveAction(action, 'en')),
    { ...defaultActions()[0]!, id: 'a-1', builtin: undefined, name: 'Pirate', prompt: 'Arr {{selection}}', icon: 'P' },
  ];
  render(<ActionsSettings actions={actions} status={null} {...handlers} {...props} />);
  return { handlers, actions };
}

beforeEach(() => setLocale('en'));

describe('ActionsSettings', () => {
  it('is a section named Actions with its list, add, import and export; each action can be switched, moved, edited', () => {
    const { handlers, actions } = settings();
    const section = screen.getByRole('region', { name: 'Actions' });
    const items = within(within(section).getByRole('list', { name: 'Actions' })).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Explain' }));
    expect(handlers.onToggle).toHaveBeenCalledWith(actions[0], false);
    fireEvent.click(screen.getByRole('button', { name: 'Move up: Pirate' }));
    expect(handlers.onMove).toHaveBeenCalledWith(actions[5], -1);
    expect((screen.getByRole('button', { name: 'Move up: Explain' }) as HTMLButtonElement).disabled).toBe(true);
    // Built-ins can be switched off, not deleted.
    expect(screen.queryByRole('button', { name: 'Delete: Explain' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete: Pirate' }));
    expect(handlers.onDelete).toHaveBeenCalledWith(actions[5]);
    for (const name of ['Add action', 'Import actions', 'Export actions']) screen.getByRole('button', { name });
  });

  it('edits a draft with name, prompt and a preview with tokens and cost, saved by Save action', () => {
    const draft = { ...defaultActions()[0]!, id: 'a-2', builtin: undefined, name: 'Pirate', prompt: 'Arr {{selection}}' };
    const { handlers } = settings({
      draft,
      preview: { prompt: 'Arr <selection>…</selection>', tokens: 42, cost: '$0.0001', model: 'gpt-4o-mini' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Action name' }), { target: { value: 'Parrot' } });
    expect(handlers.onDraftChange).toHaveBeenCalledWith({ ...draft, name: 'Parrot' });
    expect((screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement).value).toBe('Arr {{selection}}');
    expect(screen.getByRole('region', { name: 'Preview with a sample selection' }).textContent).toContain(
      '42 tokens sent · $0.0001 before the answer',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save action' }));
    expect(handlers.onSave).toHaveBeenCalledTimes(1);
  });

  it('chooses where the answer goes: the card by default, or the side panel (in Chinese too); not for Ask', () => {
    const draft = { ...defaultActions()[0]!, id: 'a-3', builtin: undefined, name: 'Pirate', prompt: 'Arr {{selection}}' };
    const { handlers } = settings({ draft });
    const answerIn = screen.getByRole('combobox', { name: 'Answer in' }) as HTMLSelectElement;
    expect(answerIn.value).toBe('card');
    expect(Array.from(answerIn.options, (option) => option.text)).toEqual(['Card on the page', 'Side panel']);
    fireEvent.change(answerIn, { target: { value: 'panel' } });
    expect(handlers.onDraftChange).toHaveBeenCalledWith({ ...draft, answerIn: 'panel' });
    document.body.innerHTML = '';

    setLocale('zh-CN');
    settings({ draft: { ...draft, answerIn: 'panel' } });
    const chinese = screen.getByRole('combobox', { name: '回答显示在' }) as HTMLSelectElement;
    expect(chinese.value).toBe('panel');
    expect(Array.from(chinese.options, (option) => option.text)).toEqual(['页面上的卡片', '侧边栏']);
    document.body.innerHTML = '';

    settings({ draft: { ...defaultActions()[4]!, name: 'Ask', prompt: '{{selection}}' } });
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows a refused import as an alert', () => {
    settings({ refusal: 'This file was not imported: it is not JSON. Nothing was changed.' });
    expect(screen.getByRole('alert').textContent).toBe('This file was not imported: it is not JSON. Nothing was changed.');
  });
});
