// Entry of the "What is shared" page.
import { render } from 'preact';
import '../ui/base.css';
import './explainer.css';
import { startPage } from '../ui/start-page';
import { ExplainerPage } from './ExplainerPage';

void startPage('whatIsShared', () => render(<ExplainerPage />, document.getElementById('app')!));
