import { render } from 'solid-js/web';
import type { Mount } from '@portal/web-shared';
import { App } from './App';

/** Mounts Order Management / Order Final Confirm; the shell calls the returned dispose. */
export const mount: Mount = (element, props) =>
  render(
    () => (
      <App
        client={props.client}
        session={props.session}
        path={props.path}
        search={props.search}
        navigate={props.navigate}
      />
    ),
    element,
  );
