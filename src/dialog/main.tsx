import { render } from 'preact'; render(<p>dialog</p>, document.getElementById('app')!);
