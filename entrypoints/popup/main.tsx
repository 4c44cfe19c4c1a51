import '@/components/base.css';
import '@/components/markdown.css';
import './popup.css';
import '@/components/summary/summary.css';
import { prefetchChat } from '@/utils/chat/ui/use-chat';
import { render } from 'preact';
import { loadMessages, resolveLocale } from '@/utils/i18n';
import { App } from './App';

// The chat opens by default (not when the address names a view or a tab): ask for its
// conversation while the page starts.
const params = new URLSearchParams(location.search);
if (!params.has('view') && !params.has('tabId')) prefetchChat();
// The interface strings of the browser's language (what the setting usually follows) start
// loading now too. No wait for them here: the popup shows nothing but an empty busy frame until
// its settings are read, and useSettings has the chosen language's strings loaded by then.
void loadMessages(resolveLocale('auto')).catch(() => undefined);

render(<App />, document.getElementById('app')!);
