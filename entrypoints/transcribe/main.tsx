import { render } from 'preact';
import '@/components/base.css';
import '@/components/markdown.css';
import '@/components/transcribe/transcribe.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
