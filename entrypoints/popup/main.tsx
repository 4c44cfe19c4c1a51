import '@/components/base.css';
import '@/components/markdown.css';
import './popup.css';
import '@/components/summary/summary.css';
import { prefetchChat } from '@/utils/chat/ui/chat-prefetch';
import { render } from 'preact';
import { loadMessages, resolveLocale } from '@/utils/i18n';
import { prefetchConnectionReady } from '@/utils/setup/ui/use-connection-ready';
import { prefetchSettings } from '@/utils/ui/use-settings';
import { App } from './App';

// The chat opens by default (not when the address names a view or a tab): ask for its
// conversation while the page starts.
const params = new URLSearchParams(location.search);
if (!params.has('view') && !params.has('tabId')) prefetchChat();
// The popup shows nothing until it has read its settings and whether a key is connected: both
// reads start now rather than after the first paint. So do the interface strings of the browser's
// language (what the setting usually follows), with no wait for them here: useSettings has the
// chosen language's strings loaded before the popup shows anything.
prefetchSettings();
prefetchConnectionReady();
void loadMessages(resolveLocale('auto')).catch(() => undefined);

render(<App />, document.getElementById('app')!);
