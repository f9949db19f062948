import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { createSignal } from 'solid-js';
import type { Client } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomerList } from './CustomerList';
import { fakeClient } from '@portal/web-shared/fetch-test-client';

afterEach(cleanup);

const customer = (n: number) => ({
  id: `c${n}`,
  name: `Customer ${String(n).padStart(2, '0')}`,
  customerType: 'Normal',
  servicePlan: 'Standard Plan',
  vendor: { id: 'v', name: 'Vertical' },
});
const ALL = Array.from({ length: 25 }, (_, i) => customer(i + 1));

/** `customers(search, first, after)` over 25 customers, the cursor being an index. */
function serve(variables: Record<string, unknown>) {
  const search = ((variables.search as string | null) ?? '').toLowerCase();
  const matching = ALL.filter((c) => c.name.toLowerCase().includes(search));
  const start = variables.after ? Number(variables.after) : 0;
  const page = matching.slice(start, start + Number(variables.first));
  return {
    customers: {
      totalCount: matching.length,
      pageInfo: {
        hasNextPage: start + page.length < matching.length,
        endCursor: String(start + page.length),
      },
      edges: page.map((node) => ({ node })),
    },
  };
}

/**
 * The list under a shell that keeps the query string: `navigate` moves the address (and
 * records where to), `go` is the back/forward buttons or a reload at another address.
 */
function renderList(client: Client, initial = '') {
  const [search, setSearch] = createSignal(initial);
  const go = (to: string) => setSearch(to.includes('?') ? to.slice(to.indexOf('?')) : '');
  const navigate = vi.fn<(to: string, replace?: boolean) => void>(go);
  render(() => <CustomerList client={client} search={search()} navigate={navigate} />);
  return { navigate, go };
}

const searchbox = () =>
  screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search customers' });
const names = () => screen.getAllByRole('link').map((link) => link.textContent);

describe('Customers', () => {
  it('lists customers page by page, each linking to its page', async () => {
    const { client } = fakeClient((_operation, variables) => serve(variables));
    const user = userEvent.setup();
    const { navigate } = renderList(client);

    const first = await screen.findByRole('link', { name: 'Customer 01' });
    expect(first.getAttribute('href')).toBe('/customers/c1');
    expect(screen.getAllByRole('row')).toHaveLength(21);
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page' }).disabled).toBe(
      true,
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'Customer 21' });
    expect(screen.queryByRole('link', { name: 'Customer 01' })).toBeNull();
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'Customer 01' });
    expect(navigate.mock.calls).toEqual([
      ['/customers?after=20', false],
      ['/customers', false],
    ]);
  });

  it('searches as the user types, from the first page, and says when nothing matches', async () => {
    const { client, calls } = fakeClient((_operation, variables) => serve(variables));
    const user = userEvent.setup();
    renderList(client);
    await screen.findByRole('link', { name: 'Customer 01' });

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), '2');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Customer 01' })).toBeNull());
    expect(screen.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Customer 02',
      'Customer 12',
      'Customer 20',
      'Customer 21',
      'Customer 22',
      'Customer 23',
      'Customer 24',
      'Customer 25',
    ]);
    expect(calls.at(-1)!.variables).toMatchObject({ search: '2', after: null });

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'x');
    await screen.findByText('No customer matches “2x”.');
  });

  it('shows a failed load with a way to try again', async () => {
    let fail = true;
    const { client } = fakeClient((_operation, variables) => {
      if (fail) throw new Error('The server is down.');
      return serve(variables);
    });
    const user = userEvent.setup();
    renderList(client);
    expect((await screen.findByRole('alert')).textContent).toContain('The server is down.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('link', { name: 'Customer 01' });
  });

  it('opens at the search and page of its address, as after a reload or from a shared link', async () => {
    const { client, calls } = fakeClient((_operation, variables) => serve(variables));
    renderList(client, '?search=2');
    await screen.findByRole('link', { name: 'Customer 02' });
    expect(searchbox().value).toBe('2');
    expect(names()).toHaveLength(8);
    expect(calls[0]!.variables).toMatchObject({ search: '2', after: null });
    cleanup();

    renderList(client, '?after=20');
    await screen.findByRole('link', { name: 'Customer 21' });
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect(calls.at(-1)!.variables).toMatchObject({ search: null, after: '20' });
  });

  it('puts the search in the address once typing pauses, one step back per run of typing', async () => {
    const { client } = fakeClient((_operation, variables) => serve(variables));
    const user = userEvent.setup();
    const { navigate, go } = renderList(client);
    await screen.findByRole('link', { name: 'Customer 01' });
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'Customer 21' });

    // A new search starts on page 1. Its first pause adds a step back; a later pause of the
    // same typing replaces that step instead of adding one.
    await user.type(searchbox(), '2');
    await waitFor(() => expect(names()).toContain('Customer 02'));
    await user.type(searchbox(), '5');
    await waitFor(() => expect(names()).toEqual(['Customer 25']));
    expect(navigate.mock.calls).toEqual([
      ['/customers?after=20', false],
      ['/customers?search=2', false],
      ['/customers?search=25', true],
    ]);
    // Enter on the search shown changes nothing, and ends the run: the next search is a step.
    await user.type(searchbox(), '{Enter}');
    expect(navigate).toHaveBeenCalledTimes(3);
    await user.type(searchbox(), '{Backspace}{Backspace}24');
    await waitFor(() => expect(names()).toEqual(['Customer 24']));
    expect(navigate.mock.calls.at(-1)).toEqual(['/customers?search=24', false]);

    // Back: the search before, in its box.
    go('/customers?search=25');
    await waitFor(() => expect(names()).toEqual(['Customer 25']));
    expect(searchbox().value).toBe('25');
    // Back again: the page before any typing, its box empty again.
    go('/customers?after=20');
    await screen.findByRole('link', { name: 'Customer 21' });
    expect(searchbox().value).toBe('');
    // Forward: the search again.
    go('/customers?search=25');
    await waitFor(() => expect(names()).toEqual(['Customer 25']));
    expect(searchbox().value).toBe('25');
  });

  it('keeps the search in memory under a shell that does not pass the address', async () => {
    const { client } = fakeClient((_operation, variables) => serve(variables));
    const user = userEvent.setup();
    const navigate = vi.fn<(to: string) => void>();
    render(() => <CustomerList client={client} navigate={navigate} />);
    await screen.findByRole('link', { name: 'Customer 01' });
    await user.type(searchbox(), '25');
    await waitFor(() => expect(names()).toEqual(['Customer 25']));
    expect(navigate).not.toHaveBeenCalled();
  });
});
