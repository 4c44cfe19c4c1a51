import '@/components/base.css';
import '@/components/markdown.css';
import '@/components/usage/usage.css';
import './options.css';
import { renderPage } from '@/utils/ui/render-page';
import { App } from './App';

// Both languages: the settings page tells a default text (system prompt) from an edited one in either.
void renderPage(<App />, { locales: ['en', 'zh-CN'] });
