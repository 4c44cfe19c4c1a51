import { t, type MessageKey } from '@/utils/i18n-core';
import { createShadowHost, pinHost } from '@/utils/page/shadow-host';
import type { PageCommand, PageStatus } from '@/utils/pagetranslate/types';

const CSS = `
.bar { all: initial; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 8px;
  font: 12px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fff; border: 1px solid #d0d4da;
  border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.15); direction: ltr; }
.title { font-weight: 600; }
.status { color: #5f6368; flex-basis: 100%; }
.status:empty { display: none; }
button { all: initial; font: inherit; cursor: pointer; padding: 2px 8px; border: 1px solid #d0d4da; border-radius: 6px;
  background: #f3f5f8; color: inherit; }
button[aria-pressed="true"] { background: #2563eb; color: #fff; border-color: #2563eb; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
`;

const BUTTONS: { command: PageCommand; label: MessageKey }[] = [
  { command: 'original', label: 'pageShowOriginal' },
  { command: 'bilingual', label: 'pageBilingual' },
  { command: 'translation', label: 'pageTranslationOnly' },
  { command: 'stop', label: 'pageStopTranslating' },
];

export interface Indicator {
  update(status: PageStatus | undefined): void;
  remove(): void;
}

/**
 * The small "Page translation" panel in the page's corner, in a closed shadow root on the root
 * element (outside `body`): the same buttons as the popup. No money figures: the page could read
 * what is drawn here by other means, so costs and "Spend anyway" stay in the popup.
 */
export function showIndicator(onCommand: (command: PageCommand) => void): Indicator {
  const { host, root } = createShadowHost(CSS);
  pinHost(host, { position: 'fixed', display: 'block', right: '12px', bottom: '12px', 'z-index': '2147483646' });
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('pageTranslateTitle'));
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = t('pageTranslateTitle');
  bar.append(title);
  const buttons = BUTTONS.map(({ command, label }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t(label);
    button.addEventListener('click', (event) => {
      if (event.isTrusted) onCommand(command);
    });
    bar.append(button);
    return { command, button };
  });
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(status);
  root.append(bar);
  document.documentElement.append(host);
  return {
    update(current) {
      if (!current) return;
      for (const { command, button } of buttons) {
        if (command !== 'stop') button.setAttribute('aria-pressed', String(current.mode === command));
      }
      status.textContent = current.error ? t('pageTranslatePaused') : '';
    },
    remove: () => host.remove(),
  };
}
