// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { ChatComposer } from '@/components/chat/composer';
import { setLocale } from '@/utils/i18n';
import type { Dictation, DictationTarget } from '@/utils/transcribe/ui/use-dictation';

setLocale('en');

/** A scripted dictation: the test sets its phase and plays transcripts through the target. */
function scripted(overrides: Partial<Dictation> = {}) {
  const calls = { toggle: vi.fn(), discard: vi.fn(), retry: vi.fn(), drop: vi.fn() };
  let target: DictationTarget | undefined;
  const state: Dictation = {
    phase: 'idle',
    elapsedMs: 0,
    level: 0,
    costUsd: null,
    notice: null,
    pending: [],
    ...calls,
    ...overrides,
  };
  const hook = (t: DictationTarget) => {
    target = t;
    return state;
  };
  const speak = (...deltas: string[]) =>
    act(() => {
      target!.beginInsert();
      for (const delta of deltas) target!.insert(delta);
    });
  return { hook, calls, speak };
}

function Harness({
  hook,
  initial = '',
  onSend = vi.fn(),
}: {
  hook: (t: DictationTarget) => Dictation;
  initial?: string;
  onSend?: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  return (
    <ChatComposer
      draft={draft}
      streaming={false}
      estimate={{ estimate: null, counting: false, tooManyChars: false, error: null }}
      cnyPerUsd={0}
      onDraft={setDraft}
      onSend={onSend}
      onStop={vi.fn()}
      voiceComposer="popup-chat"
      useVoice={hook}
    />
  );
}

const box = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });

describe('ChatComposer voice input', () => {
  it('has a "Voice input" button that starts dictation', () => {
    const voice = scripted();
    render(<Harness hook={voice.hook} />);
    fireEvent.click(screen.getByRole('button', { name: 'Voice input' }));
    expect(voice.calls.toggle).toHaveBeenCalledOnce();
  });

  it('while recording: "Stop recording", a timer, a level meter and the running cost; Enter stops, Escape discards', () => {
    const voice = scripted({ phase: 'recording', elapsedMs: 65_000, level: 0.4, costUsd: 0.00325 });
    const onSend = vi.fn();
    render(<Harness hook={voice.hook} initial="Draft" onSend={onSend} />);
    expect(screen.getByRole('button', { name: 'Stop recording' })).toBeTruthy();
    expect(screen.getByRole('timer', { name: 'Recording time' }).textContent).toBe('1:05');
    expect(screen.getByLabelText('Microphone level').tagName).toBe('METER');
    expect(screen.getByText(/About \$0\.003\d so far/)).toBeTruthy();
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(voice.calls.toggle).toHaveBeenCalledOnce();
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(voice.calls.discard).toHaveBeenCalledOnce();
  });

  it('inserts the streamed transcript at the cursor, with a space after a word, and does not send it', () => {
    const voice = scripted();
    const onSend = vi.fn();
    render(<Harness hook={voice.hook} initial="Hello world" onSend={onSend} />);
    box().setSelectionRange(5, 5);
    voice.speak('there', ' my', ' friend');
    expect(box().value).toBe('Hello there my friend world');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('lists a failed recording with Retry and Discard', () => {
    const voice = scripted({ pending: [{ id: 'r1', durationMs: 4000, error: 'Too many requests.' }] });
    render(<Harness hook={voice.hook} />);
    expect(screen.getByText(/Recording of 0:04 could not be transcribed: Too many requests\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(voice.calls.retry).toHaveBeenCalledWith('r1');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(voice.calls.drop).toHaveBeenCalledWith('r1');
  });

  it('has no voice button where the page does not turn voice input on', () => {
    render(
      <ChatComposer
        draft=""
        streaming={false}
        estimate={{ estimate: null, counting: false, tooManyChars: false, error: null }}
        cnyPerUsd={0}
        onDraft={vi.fn()}
        onSend={vi.fn()}
        onStop={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Voice input' })).toBeNull();
  });
});
