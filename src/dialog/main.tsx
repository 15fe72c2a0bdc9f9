// Entry of the dialog frame: chrome-extension://<id>/src/dialog/index.html#<draftId>. A frame
// the content script loaded ahead of the click starts without an id and waits, blank, until the
// click gives it one in the address's fragment.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../ui/base.css';
import './dialog.css';
import { startPage } from '../ui/start-page';
import { DialogApp } from './DialogApp';

const draftIdOf = () => decodeURIComponent(location.hash.slice(1));

function DialogForDraft() {
  const [id, setId] = useState(draftIdOf);
  useEffect(() => {
    const onHash = () => setId(draftIdOf());
    addEventListener('hashchange', onHash);
    // The id may have arrived between the first render and this listener: read it once more.
    onHash();
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return id ? <DialogApp key={id} draftId={id} /> : null;
}

void startPage('dialogTitle', () => render(<DialogForDraft />, document.getElementById('app')!));
