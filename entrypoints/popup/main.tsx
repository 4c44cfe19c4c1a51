import { render } from 'preact';
import '../../components/base.css';
import './popup.css';
import { prefetchChat } from '../../utils/ui/use-chat';
import { App } from './App';

// The chat opens by default: ask for its conversation while the page starts.
if (!new URLSearchParams(location.search).has('view')) prefetchChat();

render(<App />, document.getElementById('app')!);
