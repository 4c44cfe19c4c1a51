import '@/components/base.css';
import './welcome.css';
import { renderPage } from '@/utils/ui/render-page';
import { App } from './App';

void renderPage(<App />);
