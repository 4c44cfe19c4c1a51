// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionForm, type ConnectionFormProps } from '@/components/connection/form';
import { setLocale } from '@/utils/i18n';

function Harness(props: Partial<ConnectionFormProps>) {
  const [draft, setDraft] = useState<ConnectionFormProps['draft']>({
    provider: 'openai',
    baseURL: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    apiKey: '',
  });
  return (
    <ConnectionForm
      draft={draft}
      keyStatus={{ hasKey: false, hint: '' }}
      models={[]}
      busy={null}
      status={null}
      onChange={setDraft}
      onTest={vi.fn()}
      onSave={vi.fn()}
      onLoadModels={vi.fn()}
      {...props}
    />
  );
}

describe('ConnectionForm', () => {
  setLocale('en');

  it('fills a preset endpoint and model when a provider is picked, and keeps typed values for Custom', () => {
    render(<Harness />);
    const provider = screen.getByRole('combobox', { name: 'Provider' });
    fireEvent.change(provider, { target: { value: 'deepseek' } });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Base URL' }).value).toBe('https://api.deepseek.com/v1');
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Model' }).value).toBe('deepseek-chat');

    fireEvent.input(screen.getByRole('textbox', { name: 'Base URL' }), { target: { value: 'relay.example.cn' } });
    fireEvent.change(provider, { target: { value: 'custom' } });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Base URL' }).value).toBe('relay.example.cn');
    expect(screen.getByText('Resolves to https://relay.example.cn/v1')).toBeTruthy();
  });

  it('warns when the key would travel over plain http to a remote host', () => {
    render(<Harness />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Base URL' }), { target: { value: 'http://relay.example.cn/v1' } });
    expect(screen.getByText(/your key would travel unencrypted/)).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'Base URL' }), { target: { value: 'http://localhost:11434' } });
    expect(screen.queryByText(/your key would travel unencrypted/)).toBeNull();
  });

  it('says which saved key is in use without showing it, and that Ollama needs none', () => {
    const { unmount } = render(<Harness keyStatus={{ hasKey: true, hint: '…wxyz' }} />);
    expect(screen.getByLabelText('API key').getAttribute('placeholder')).toContain('…wxyz');
    unmount();
    render(<Harness />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Provider' }), { target: { value: 'ollama' } });
    expect(screen.getByLabelText('API key').getAttribute('placeholder')).toBe('This provider does not need a key.');
  });

  it('disables the actions while busy and reports through a status region', () => {
    render(<Harness busy="test" status={{ kind: 'info', text: 'Testing…' }} />);
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Testing…');
  });
});
