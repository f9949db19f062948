import { render } from 'solid-js/web';
import type { Mount } from '@portal/web-shared';

/** Placeholder until the screens land. */
export const mount: Mount = (element, props) =>
  render(() => <p>change-order for {props.session.organization.name} ({props.path()})</p>, element);
