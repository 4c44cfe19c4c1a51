import { render } from 'preact';
import '../../components/base.css';
import './popup.css';
import '../../components/summary.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
