import { useEffect, useState } from 'preact/hooks';
import { AskSettings } from '@/components/ask/settings';
import { ChatSettings } from '@/components/chat/settings';
import { ConnectionForm } from '@/components/connection/form';
import { GeneralSettings } from '@/components/general-settings';
import type { Status } from '@/utils/ui/status';
import { SummarySettings } from '@/components/summary/settings';
import { resolveBaseURL, type ResolvedEndpoint } from '@/utils/llm/endpoint';
import { getLocale, t } from '@/utils/i18n';
import { requestHostAccess } from '@/utils/llm/host-access';
import { sendMessage } from '@/utils/messaging';
import type { ConnectionDraft, KeyStatus } from '@/utils/llm/connection';
import { keyRequired } from '@/utils/llm/providers';
import { updateSettings, type Settings } from '@/utils/settings';
import { defaultSystemPrompt, systemPromptFor } from '@/utils/chat/system-prompt';
import { errorStatus } from '@/utils/ui/status';
import { useSettings } from '@/utils/ui/use-settings';
import { ActionsSection } from './actions-section';
import { TranslateSection } from './translate-section';
import { PageTranslateSettings } from '@/components/pagetranslate/page-translate-settings';
import { UsageSection } from './usage-section';
import { AboutSection } from './about-section';
import { SettingsNav, useCurrentSection } from './settings-nav';
import { VoiceSettings } from '@/components/transcribe/settings';

type Draft = ConnectionDraft & { apiKey: string };
type Busy = 'test' | 'save' | 'models' | null;

/**
 * The settings page: every section on one page (connection with Test connection, chat, summaries,
 * translation, actions, the side panel, usage, about), with a side navigation that follows the
 * section in view. Each section's id is its address: options.html#usage.
 */
export function App() {
  const settings = useSettings();
  const [draft, setDraft] = useState<Draft>();
  const [keyStatus, setKeyStatus] = useState<KeyStatus>({ hasKey: false, hint: '' });
  const [models, setModels] = useState<string[]>([]);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState<Status | null>(null);

  // The form starts from the saved settings once; later edits stay in the draft until saved.
  useEffect(() => {
    if (settings && !draft) {
      setDraft({ provider: settings.provider, baseURL: settings.baseURL, model: settings.model, apiKey: '' });
    }
  }, [settings, draft]);

  useEffect(() => {
    if (!draft) return;
    sendMessage('getKeyStatus', { provider: draft.provider }).then(setKeyStatus, () => {});
  }, [draft?.provider]);

  // A link to options.html#usage or #translate arrives before the sections exist: the hook scrolls
  // once the form (and so every section) is rendered.
  const current = useCurrentSection(Boolean(settings && draft));

  if (!settings || !draft) return <main aria-busy="true" />;

  /**
   * Checks the base URL and asks for host access. Runs first in each click handler: the browser
   * only shows its permission prompt during the click itself.
   */
  const prepare = async (): Promise<Draft | undefined> => {
    let endpoint: ResolvedEndpoint;
    try {
      endpoint = resolveBaseURL(draft.baseURL);
    } catch (error) {
      setStatus(errorStatus(error));
      return undefined;
    }
    const granted = await requestHostAccess(endpoint.origin);
    if (!granted) {
      setStatus({ kind: 'error', text: t('permissionDenied', { host: endpoint.host }), code: 'cors' });
      return undefined;
    }
    return { ...draft, baseURL: endpoint.baseURL, apiKey: draft.apiKey.trim() };
  };

  const run = async (kind: Exclude<Busy, null>, work: (ready: Draft) => Promise<Status | null>) => {
    const ready = await prepare();
    if (!ready) return;
    setBusy(kind);
    if (kind === 'test') setStatus({ kind: 'info', text: t('testing') });
    try {
      setStatus(await work(ready));
    } catch (error) {
      setStatus(errorStatus(error));
    } finally {
      setBusy(null);
    }
  };

  const withoutEmptyKey = (ready: Draft): ConnectionDraft => ({ ...ready, apiKey: ready.apiKey || undefined });

  /** Stores the connection as it is in the form; the typed key goes to the background only. */
  const store = async (ready: Draft) => {
    await updateSettings({ provider: ready.provider, baseURL: ready.baseURL, model: ready.model.trim() });
    if (ready.apiKey) setKeyStatus(await sendMessage('saveApiKey', { provider: ready.provider, apiKey: ready.apiKey }));
    // The form keeps everything else as typed.
    setDraft({ ...draft, baseURL: ready.baseURL, apiKey: '' });
  };

  // A connection that works is kept: closing the tab after a good test must not lose the key.
  const test = () =>
    run('test', async (ready) => {
      const result = await sendMessage('testConnection', withoutEmptyKey(ready));
      if (result.models.length) setModels(result.models);
      await store(ready);
      return {
        kind: 'success',
        text: t('testSuccessSaved', { model: result.model, ms: result.roundTripMs, count: result.models.length }),
      };
    });

  const loadModels = () =>
    run('models', async (ready) => {
      const result = await sendMessage('listModels', withoutEmptyKey(ready));
      setModels(result.models);
      return { kind: 'info', text: t('modelsLoaded', { count: result.models.length }) };
    });

  const save = () =>
    run('save', async (ready) => {
      await store(ready);
      const keyMissing = !ready.apiKey && !keyStatus.hasKey && keyRequired(ready.provider);
      return keyMissing
        ? { kind: 'warning', text: t('error_missing_key'), code: 'missing_key' }
        : { kind: 'success', text: t('saved') };
    });

  const changeGeneral = (patch: Partial<Settings>) => {
    void updateSettings(patch).catch((error) => setStatus(errorStatus(error)));
  };

  return (
    <div class="options-page">
      <SettingsNav current={current} />
      <main class="options">
        <h1>{t('optionsTitle')}</h1>
        <div id="connection" class="settings-section">
          <ConnectionForm
            draft={draft}
            keyStatus={keyStatus}
            models={models}
            busy={busy}
            status={status}
            onChange={(next) => {
              if (next.provider !== draft.provider) setModels([]);
              setDraft(next);
            }}
            onTest={test}
            onSave={save}
            onLoadModels={loadModels}
          />
          <GeneralSettings uiLanguage={settings.uiLanguage} targetLanguage={settings.targetLanguage} onChange={changeGeneral} />
        </div>
        <div id="chat" class="settings-section">
          <ChatSettings
            systemPrompt={systemPromptFor(settings.chatSystemPrompt, getLocale())}
            historyBudget={settings.chatHistoryBudget}
            showReasoning={settings.showReasoning}
            answerDeadlineMinutes={settings.answerDeadlineMinutes}
            defaultSystemPrompt={defaultSystemPrompt(getLocale())}
            onSave={async (patch) => void (await updateSettings(patch))}
          />
          <VoiceSettings {...settings} models={models} onChange={changeGeneral} />
        </div>
        <div id="summaries" class="settings-section">
          <SummarySettings {...settings} onChange={changeGeneral} />
        </div>
        <div id="translate" class="settings-section">
          <TranslateSection settings={settings} />
          <PageTranslateSettings settings={settings} />
        </div>
        <div id="actions" class="settings-section">
          <ActionsSection settings={settings} />
        </div>
        <div id="ask" class="settings-section">
          <AskSettings {...settings} onChange={changeGeneral} />
        </div>
        <div id="usage" class="settings-section">
          <UsageSection settings={settings} />
        </div>
        <div id="about" class="settings-section">
          <AboutSection />
        </div>
      </main>
    </div>
  );
}
