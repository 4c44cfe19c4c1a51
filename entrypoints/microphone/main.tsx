import { render } from 'preact';
import '@/components/base.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
