// Entry of the history page.
import { render } from 'preact';
import '../ui/base.css';
import './history.css';
import { startPage } from '../ui/start-page';
import { History } from './History';

void startPage('historyTitle', () => render(<History />, document.getElementById('app')!));
