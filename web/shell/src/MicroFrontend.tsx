import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import { ErrorMessage, Loading, type Mount } from '@portal/web-shared';
import { navigate, path, search } from './router';
import type { Session } from './session';

/**
 * Loads a micro-frontend by its bare name (`@portal/mfe-<name>`, resolved by the import
 * map the server serves) and mounts it; unmounts it when the route leaves it.
 */
export function MicroFrontend(props: { name: string; session: Session }) {
  let host: HTMLDivElement | undefined;
  const [state, setState] = createSignal<'loading' | 'ready' | { error: unknown }>('loading');

  createEffect(() => {
    const name = props.name;
    const session = props.session;
    let unmount: (() => void) | undefined;
    let cancelled = false;
    setState('loading');
    import(/* @vite-ignore */ `@portal/mfe-${name}`)
      .then((module: { mount: Mount }) => {
        if (cancelled) return;
        if (!host) return;
        unmount = module.mount(host, {
          client: session.client.urql,
          session,
          path,
          search,
          navigate,
        });
        setState('ready');
      })
      .catch((error: unknown) => setState({ error }));
    onCleanup(() => {
      cancelled = true;
      unmount?.();
    });
  });

  return (
    <>
      <Show when={state() === 'loading'}>
        <Loading />
      </Show>
      <Show when={typeof state() === 'object'}>
        <ErrorMessage
          error={(state() as { error: unknown }).error}
          retry={() => window.location.reload()}
        />
      </Show>
      <div ref={(element) => (host = element)} />
    </>
  );
}
