import { render } from 'preact';
import '@/components/base.css';
import '@/components/markdown.css';
import './popup.css';
import '@/components/summary/summary.css';
import { prefetchChat } from '@/utils/chat/ui/use-chat';
import { App } from './App';

// The chat opens by default (not when the address names a view or a tab): ask for its
// conversation while the page starts.
const params = new URLSearchParams(location.search);
if (!params.has('view') && !params.has('tabId')) prefetchChat();

render(<App />, document.getElementById('app')!);
