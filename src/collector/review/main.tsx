// Entry of the collector's review page (served at / behind the admin credential).
import { render } from 'preact';
import './review.css';
import { App } from './App';
import { httpApi } from './api';

render(<App api={httpApi()} />, document.getElementById('app')!);
