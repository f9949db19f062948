import { render } from 'solid-js/web';
import type { Mount } from '@portal/web-shared';
import { App } from './App';

/** The customers micro-frontend: the customer list and each customer's page. */
export const mount: Mount = (element, props) => render(() => <App {...props} />, element);
