// Entry of the dialog frame: chrome-extension://<id>/src/dialog/index.html#<draftId>.
import { render } from 'preact';
import '../ui/base.css';
import './dialog.css';
import { t } from '../ui/i18n';
import { DialogApp } from './DialogApp';

document.documentElement.lang = t('localeCode');
document.title = t('dialogTitle');
render(<DialogApp draftId={decodeURIComponent(location.hash.slice(1))} />, document.getElementById('app')!);
