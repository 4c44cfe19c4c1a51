import { useEffect, useState } from 'preact/hooks';
import { ConnectForm, type WelcomeDraft } from '@/components/setup/connect-form';
import { NextSteps } from '@/components/setup/next-steps';
import { t } from '@/utils/i18n';
import { resolveBaseURL, type ResolvedEndpoint } from '@/utils/llm/endpoint';
import { requestHostAccess } from '@/utils/llm/host-access';
import type { KeyStatus } from '@/utils/llm/connection';
import { keyRequired } from '@/utils/llm/providers';
import { sendMessage, wireOf } from '@/utils/messaging';
import { updateSettings } from '@/utils/settings';
import { useConnectionReady } from '@/utils/setup/ui/use-connection-ready';
import { pickChatModel, welcomeErrorText } from '@/utils/setup/welcome-logic';
import { useSettings } from '@/utils/ui/use-settings';
import type { Status } from '@/utils/ui/status';

/**
 * The first-run page, opened on install and by "Connect your API key": provider, key, one
 * Test and save button that stores only what worked, then how to use Glance and a Try it button.
 */
export function App() {
  const settings = useSettings();
  const ready = useConnectionReady();
  const [draft, setDraft] = useState<WelcomeDraft>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [keyStatus, setKeyStatus] = useState<KeyStatus>({ hasKey: false, hint: '' });

  // Starts from what is saved (the OpenAI preset on a new install); the key field starts empty.
  useEffect(() => {
    if (settings && !draft)
      setDraft({ provider: settings.provider, baseURL: settings.baseURL, model: settings.model, apiKey: '' });
  }, [settings, draft]);

  // A key already saved for this provider (the page reopened by "Connect your API key") is tested
  // when the field is left empty, as on the settings page.
  useEffect(() => {
    if (draft) sendMessage('getKeyStatus', { provider: draft.provider }).then(setKeyStatus, () => {});
  }, [draft?.provider]);

  if (!settings || !draft) return <main aria-busy="true" />;

  const testAndSave = async () => {
    const apiKey = draft.apiKey.trim();
    if (!draft.baseURL.trim()) return setStatus({ kind: 'error', text: t('welcomeBaseUrlMissing'), code: 'invalid_base_url' });
    let endpoint: ResolvedEndpoint;
    try {
      endpoint = resolveBaseURL(draft.baseURL);
    } catch (error) {
      return setStatus({ kind: 'error', text: wireOf(error).message, code: 'invalid_base_url' });
    }
    if (!apiKey && !keyStatus.hasKey && keyRequired(draft.provider))
      return setStatus({ kind: 'error', text: t('welcomeKeyMissing'), code: 'missing_key' });
    // The first await of the click: the browser asks for access to a relay's host only now.
    if (!(await requestHostAccess(endpoint.origin))) {
      return setStatus({ kind: 'error', text: t('welcomeAccessDenied', { host: endpoint.host }), code: 'cors' });
    }
    setBusy(true);
    setStatus({ kind: 'info', text: t('welcomeTesting') });
    try {
      const connection = {
        provider: draft.provider,
        baseURL: endpoint.baseURL,
        model: draft.model.trim(),
        apiKey: apiKey || undefined,
      };
      if (!connection.model) {
        connection.model = pickChatModel((await sendMessage('listModels', connection)).models) ?? '';
        if (!connection.model) return setStatus({ kind: 'error', text: t('welcomeNoModel'), code: 'model_not_found' });
      }
      const result = await sendMessage('testConnection', connection);
      // Only what worked is stored: the settings first, then the key (which clears the badge).
      await updateSettings({ provider: connection.provider, baseURL: connection.baseURL, model: connection.model });
      if (apiKey) setKeyStatus(await sendMessage('saveApiKey', { provider: connection.provider, apiKey }));
      setDraft({ ...draft, baseURL: endpoint.baseURL, model: connection.model, apiKey: '' });
      setStatus({ kind: 'success', text: t('welcomeSaved', { model: result.model, ms: result.roundTripMs }) });
    } catch (error) {
      setStatus({ kind: 'error', text: welcomeErrorText(wireOf(error), endpoint.host), code: wireOf(error).code });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <ConnectForm
        draft={draft}
        keyStatus={keyStatus}
        busy={busy}
        status={status}
        onChange={setDraft}
        onTestAndSave={() => void testAndSave()}
      />
      {ready && <NextSteps selectionButton={settings.translateButton} />}
    </main>
  );
}
