// Entry of the dialog frame: chrome-extension://<id>/src/dialog/index.html#<draftId>.
import { render } from 'preact';
import '../ui/base.css';
import './dialog.css';
import { startPage } from '../ui/start-page';
import { DialogApp } from './DialogApp';

void startPage('dialogTitle', () => render(<DialogApp draftId={decodeURIComponent(location.hash.slice(1))} />, document.getElementById('app')!));
