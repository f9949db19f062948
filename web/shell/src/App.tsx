import { createEffect, createMemo, createResource, For, Match, on, Show, Switch } from 'solid-js';
import { graphql } from '@portal/web-shared';
import { AlertBanner } from './AlertBanner';
import { Mailbox } from './Mailbox';
import { MicroFrontend } from './MicroFrontend';
import { microFrontendOf, navigate, pageTitleOf, path } from './router';
import { session, signOut } from './session';
import { SignIn } from './SignIn';

const MAIL_DELIVERY = graphql(`
  query MailDelivery {
    mailDelivery
  }
`);

/** The app's frame: header with navigation, the alert banner, and the route's screen. */
export function App() {
  // The tab and the browser's history name the page, not only the portal.
  createEffect(() => {
    document.title = session() ? pageTitleOf(path()) : 'Sign in · Change-order portal';
  });

  createEffect(() => {
    const current = session();
    if (current && path() === '/') {
      navigate(current.organization.kind === 'VENDOR' ? '/vendor' : '/customers', true);
    }
  });

  return (
    <Show when={session()} fallback={<SignIn />}>
      {(current) => {
        // The mailbox is for trial installs: only where mail is kept rather than sent.
        const [delivery] = createResource(async () => {
          const result = await current().client.urql.query(MAIL_DELIVERY, {}).toPromise();
          return result.data?.mailDelivery ?? 'SMTP';
        });
        const links = createMemo(() => {
          const mailbox = delivery() === 'KEPT' ? [{ href: '/mailbox', label: 'Mailbox' }] : [];
          // A vendor also looks at its customers and at the orders submitted to it; those
          // screens leave the reseller's steps out for it.
          return current().organization.kind === 'VENDOR'
            ? [
                { href: '/vendor', label: 'Approval dashboard' },
                { href: '/customers', label: 'Customers' },
                { href: '/orders', label: 'Order Management' },
                ...mailbox,
              ]
            : [
                { href: '/customers', label: 'Customers' },
                { href: '/orders', label: 'Order Management' },
                ...mailbox,
              ];
        });
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
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  // The next person to sign in starts at their own home, not at this page.
                  signOut();
                  navigate('/', true);
                }}
              >
                Sign out
              </button>
            </header>
            <AlertBanner session={current()} />
            <main
              class="content"
              tabindex="-1"
              ref={(element) => {
                // After moving to another page, focus starts at its content (as a full page
                // load would start at its top), not on the link that was clicked or the body.
                createEffect(
                  on(path, () => element.focus({ preventScroll: true }), { defer: true }),
                );
              }}
            >
              <Switch
                fallback={
                  <p>
                    Nothing here. <a href="/">Go to the start page</a>.
                  </p>
                }
              >
                <Match when={path() === '/mailbox' && delivery() === 'KEPT'}>
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
