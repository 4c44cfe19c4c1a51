// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { filterModels, ModelCombobox } from '@/components/model-combobox';
import { setLocale } from '@/utils/i18n';

setLocale('en');

const MODELS = ['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4.1', 'o3-mini', 'deepseek-chat'];

function show(value = 'gpt-4o-mini') {
  const onInput = vi.fn();
  const onCommit = vi.fn();
  render(<ModelCombobox label="Model" value={value} options={MODELS} onInput={onInput} onCommit={onCommit} />);
  const field = screen.getByRole<HTMLInputElement>('combobox', { name: 'Model' });
  const options = () => screen.queryAllByRole('option').map((option) => option.textContent);
  const active = () => {
    const id = field.getAttribute('aria-activedescendant');
    return id ? document.getElementById(id)?.textContent : undefined;
  };
  return { field, onInput, onCommit, options, active };
}

describe('filterModels', () => {
  it('keeps the models that contain what was typed, in any case; nothing typed keeps them all', () => {
    expect(filterModels(MODELS, 'MINI')).toEqual(['gpt-4o-mini', 'gpt-4.1-mini', 'o3-mini']);
    expect(filterModels(MODELS, ' 4.1 ')).toEqual(['gpt-4.1-mini', 'gpt-4.1']);
    expect(filterModels(MODELS, null)).toEqual(MODELS);
    expect(filterModels(MODELS, 'claude')).toEqual([]);
  });
});

describe('ModelCombobox', () => {
  it('is a combobox with the typed value; its list is closed until asked for', () => {
    const { field, options } = show();
    expect(field.value).toBe('gpt-4o-mini');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(field.getAttribute('aria-autocomplete')).toBe('list');
    expect(options()).toEqual([]);
  });

  it('filters as the user types; arrows move the highlight (wrapping); Enter picks it and commits', () => {
    const { field, onInput, onCommit, options, active } = show();
    fireEvent.input(field, { target: { value: '4.1' } });
    expect(onInput).toHaveBeenLastCalledWith('4.1');
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['gpt-4.1-mini', 'gpt-4.1']);
    expect(active()).toBeUndefined();
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(active()).toBe('gpt-4.1-mini');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(active()).toBe('gpt-4.1-mini');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(active()).toBe('gpt-4.1');
    expect(screen.getByRole('option', { name: 'gpt-4.1' }).getAttribute('aria-selected')).toBe('true');
    const enter = fireEvent.keyDown(field, { key: 'Enter' });
    expect(enter).toBe(false); // default prevented: a form around the field is not submitted
    expect(field.value).toBe('gpt-4.1');
    expect(onCommit).toHaveBeenCalledWith('gpt-4.1');
    expect(field.getAttribute('aria-expanded')).toBe('false');
  });

  it('ArrowDown opens the whole list on the current model; Escape closes it and keeps the text', () => {
    const { field, options, active, onCommit } = show('o3-mini');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(options()).toEqual(MODELS);
    expect(active()).toBe('o3-mini');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(field.value).toBe('o3-mini');
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('picks a model with the mouse, and accepts a name that is not listed', () => {
    const { field, onCommit } = show();
    fireEvent.click(screen.getByRole('button', { name: 'Show models' }));
    fireEvent.click(screen.getByRole('option', { name: 'deepseek-chat' }));
    expect(field.value).toBe('deepseek-chat');
    expect(onCommit).toHaveBeenLastCalledWith('deepseek-chat');
    fireEvent.input(field, { target: { value: 'my-local-model' } });
    expect(field.getAttribute('aria-expanded')).toBe('false'); // nothing matches: no empty list
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onCommit).toHaveBeenLastCalledWith('my-local-model');
    fireEvent.change(field, { target: { value: 'my-local-model' } });
    expect(onCommit).toHaveBeenCalledTimes(2); // the same value is committed once
  });
});
