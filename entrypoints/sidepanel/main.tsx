import { render } from 'preact';
import '@/components/base.css';
import '@/components/markdown.css';
import '@/components/summary/summary.css';
import './sidepanel.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
