// Entry of the toolbar popup.
import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { t } from '../ui/i18n';
import { Popup } from './Popup';

document.documentElement.lang = t('localeCode');
document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
