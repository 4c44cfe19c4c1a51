import { render } from 'preact';
import '@/components/base.css';
import '@/components/markdown.css';
import '@/components/usage/usage.css';
import './options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
