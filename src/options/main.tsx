// Entry of the options page.
import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { startPage } from '../ui/start-page';
import { OptionsPage } from './OptionsPage';

void startPage('optionsTitle', () => render(<OptionsPage />, document.getElementById('app')!));
