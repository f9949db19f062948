import { createEffect, createMemo, For, Match, Show, Switch } from 'solid-js';
import { AlertBanner } from './AlertBanner';
import { Mailbox } from './Mailbox';
import { MicroFrontend } from './MicroFrontend';
import { microFrontendOf, navigate, path } from './router';
import { session, signOut } from './session';
import { SignIn } from './SignIn';

/** The app's frame: header with navigation, the alert banner, and the route's screen. */
export function App() {
  createEffect(() => {
    const current = session();
    if (current && path() === '/') {
      navigate(current.organization.kind === 'VENDOR' ? '/vendor' : '/customers', true);
    }
  });

  return (
    <Show when={session()} fallback={<SignIn />}>
      {(current) => {
        const links = createMemo(() =>
          current().organization.kind === 'VENDOR'
            ? [
                { href: '/vendor', label: 'Approval dashboard' },
                { href: '/mailbox', label: 'Mailbox' },
              ]
            : [
                { href: '/customers', label: 'Customers' },
                { href: '/orders', label: 'Order Management' },
                { href: '/mailbox', label: 'Mailbox' },
              ],
        );
        const screen = createMemo(() => microFrontendOf(path()));
        return (
          <>
            <header class="top">
              <a class="brand" href="/">
                Change-order portal
              </a>
              <nav aria-label="Main">
                <For each={links()}>
                  {(link) => (
                    <a
                      href={link.href}
                      aria-current={path().startsWith(link.href) ? 'page' : undefined}
                    >
                      {link.label}
                    </a>
                  )}
                </For>
              </nav>
              <span class="who">
                {current().name} · {current().organization.name}
              </span>
              <button type="button" class="secondary" onClick={signOut}>
                Sign out
              </button>
            </header>
            <AlertBanner session={current()} />
            <main class="content">
              <Switch
                fallback={
                  <p>
                    Nothing here. <a href="/">Go to the start page</a>.
                  </p>
                }
              >
                <Match when={path() === '/mailbox'}>
                  <Mailbox session={current()} />
                </Match>
                <Match when={screen()}>
                  {(name) => <MicroFrontend name={name()} session={current()} />}
                </Match>
              </Switch>
            </main>
          </>
        );
      }}
    </Show>
  );
}
