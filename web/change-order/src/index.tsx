import { render } from 'solid-js/web';
import type { Mount } from '@portal/web-shared';
import { App } from './App';

/** The change-order micro-frontend: the Change Order wizard, new or resumed. */
export const mount: Mount = (element, props) => render(() => <App {...props} />, element);
