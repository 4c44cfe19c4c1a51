import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorStatus, type Status } from '@/utils/ui/status';
import { TranslateSettings } from '@/components/translate/settings';
import { t } from '@/utils/i18n';
import { updateSettings, type Settings } from '@/utils/settings';
import { parseSites } from '@/utils/translate/site-list';
import { requestAllSitesAccess, useAllSitesAccess } from '@/utils/translate/ui/site-access';

/** The Translation settings: the selection button (and the access it needs), sites, languages, limit. */
export function TranslateSection({ settings }: { settings: Settings }) {
  const [access, setAccess] = useAllSitesAccess();
  const [status, setStatus] = useState<Status | null>(null);
  const [offSitesText, setOffSitesText] = useState(settings.translateOffSites.join('\n'));
  const [maxCharsText, setMaxCharsText] = useState(String(settings.translateMaxChars));
  const [shortcut, setShortcut] = useState<string>();

  useEffect(() => {
    browser.commands
      ?.getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === 'translate-selection')?.shortcut ?? ''))
      .catch(() => {});
  }, []);

  const save = (patch: Partial<Settings>) => updateSettings(patch).catch((error) => setStatus(errorStatus(error)));

  const ask = async () => {
    const granted = await requestAllSitesAccess();
    setAccess(granted);
    setStatus(granted ? null : { kind: 'warning', text: t('translateAccessDenied') });
  };

  return (
    <TranslateSettings
      translateButton={settings.translateButton}
      access={access}
      offSitesText={offSitesText}
      translateInto={settings.translateInto}
      secondLanguage={settings.secondLanguage}
      maxCharsText={maxCharsText}
      shortcut={shortcut}
      status={status}
      onToggleButton={(on) => {
        // The prompt must open within the click: ask before anything else is awaited.
        if (on && !access) void ask();
        void save({ translateButton: on });
      }}
      onAllowAllSites={() => void ask()}
      onOffSitesText={setOffSitesText}
      onOffSitesCommit={() => {
        const { sites, invalid } = parseSites(offSitesText);
        if (invalid) {
          setStatus({ kind: 'error', text: t('translateOffSitesInvalid', { site: invalid }) });
          return;
        }
        setStatus(null);
        setOffSitesText(sites.join('\n'));
        void save({ translateOffSites: sites });
      }}
      onTranslateInto={(code) => void save({ translateInto: code })}
      onSecondLanguage={(code) => void save({ secondLanguage: code })}
      onMaxCharsText={setMaxCharsText}
      onMaxCharsCommit={() => {
        const value = Number(maxCharsText);
        if (!Number.isInteger(value) || value < 100 || value > 1_000_000) {
          setStatus({ kind: 'error', text: t('translateMaxCharsInvalid') });
          return;
        }
        setStatus(null);
        void save({ translateMaxChars: value });
      }}
    />
  );
}
