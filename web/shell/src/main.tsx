import '@portal/web-shared/styles.css';
import './shell.css';
import { render } from 'solid-js/web';
import { App } from './App';
import { restoreSession } from './session';

void restoreSession().finally(() => render(() => <App />, document.getElementById('root')!));
