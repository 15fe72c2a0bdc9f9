// Entry of the options page.
import { render } from 'preact';
import '../ui/base.css';
import './options.css';
import { t } from '../ui/i18n';
import { OptionsPage } from './OptionsPage';

document.documentElement.lang = t('localeCode');
document.title = t('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
