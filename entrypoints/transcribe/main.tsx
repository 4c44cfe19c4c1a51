import '@/components/base.css';
import '@/components/markdown.css';
import '@/components/transcribe/transcribe.css';
import { renderPage } from '@/utils/ui/render-page';
import { App } from './App';

void renderPage(<App />);
