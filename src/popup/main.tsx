// Entry of the toolbar popup.
import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { startPage } from '../ui/start-page';
import { Popup } from './Popup';

void startPage('extName', () => render(<Popup />, document.getElementById('app')!));
