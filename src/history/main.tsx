// Entry of the history page.
import { render } from 'preact';
import '../ui/base.css';
import './history.css';
import { t } from '../ui/i18n';
import { History } from './History';

document.documentElement.lang = t('localeCode');
document.title = t('historyTitle');
render(<History />, document.getElementById('app')!);
