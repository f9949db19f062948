import { createResource, Show } from 'solid-js';

async function fetchHealth(): Promise<string> {
  const response = await fetch('/healthz');
  const body = (await response.json()) as { status: string };
  return body.status;
}

/** Placeholder shell until the web app lands: says whether the portal is up. */
export function App() {
  const [health] = createResource(fetchHealth);
  return (
    <main
      style={{ 'font-family': 'system-ui, sans-serif', margin: '3rem auto', 'max-width': '40rem' }}
    >
      <h1>Change-order portal</h1>
      <p>
        Server status:{' '}
        <Show when={!health.loading} fallback={<span>checking…</span>}>
          <strong>{health.error ? 'unreachable' : health()}</strong>
        </Show>
      </p>
      <p>
        The GraphQL API answers at <code>/graphql</code>; its schema is at{' '}
        <a href="/schema.graphql">/schema.graphql</a>.
      </p>
    </main>
  );
}
