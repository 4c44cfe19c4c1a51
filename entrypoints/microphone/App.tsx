import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { MICROPHONE_MESSAGES, problemOf, type MicrophoneProblem } from '@/utils/transcribe/ui/microphone';
import { useSettings } from '@/utils/ui/use-settings';

type State = 'asking' | 'granted' | MicrophoneProblem;

/**
 * Asks for the microphone in a tab, where the browser can show its prompt (the popup cannot),
 * and says why. Granted: the microphone is released at once and the tab closes. Refused, missing
 * or busy: the message says what to do, with "Ask again".
 */
export function App() {
  const settings = useSettings();
  const [state, setState] = useState<State>('asking');

  const ask = async () => {
    setState('asking');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of stream.getTracks()) track.stop();
      setState('granted');
      setTimeout(() => void closeThisTab(), 1500);
    } catch (error) {
      setState(problemOf(error));
    }
  };

  useEffect(() => {
    document.title = t('micPageTitle');
    void ask();
  }, []);

  if (!settings) return <main aria-busy="true" />;
  const message =
    state === 'asking' ? t('micPageAsking') : state === 'granted' ? t('micPageGranted') : t(MICROPHONE_MESSAGES[state]);
  return (
    <main class="microphone-page">
      <h1>{t('micPageTitle')}</h1>
      <p>{t('micPageWhy')}</p>
      <p role="status">{message}</p>
      {state !== 'asking' && state !== 'granted' && (
        <button type="button" onClick={() => void ask()}>
          {t('micPageAskAgain')}
        </button>
      )}
    </main>
  );
}

async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}
