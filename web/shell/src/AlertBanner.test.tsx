import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { fakeClient } from '@portal/web-shared/test-client';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertBanner } from './AlertBanner';
import type { Session } from './session';

const alert = (id: string, number: number, kind = 'ORDER_TO_CONFIRM') => ({
  id,
  kind,
  createdAt: '2026-11-23T18:00:00.000Z',
  order: {
    id: `order-${number}`,
    number,
    title: `Order title ${number}`,
    customer: { name: 'Vertical Demo' },
  },
});

function setup(initial: ReturnType<typeof alert>[]) {
  let pending = initial;
  const fake = fakeClient({
    PendingAlerts: () => ({ pendingAlerts: pending }),
    AcknowledgeAlert: ({ id }) => {
      pending = pending.filter((a) => a.id !== id);
      return { acknowledgeAlert: { acknowledged: [{ id }], userErrors: [] } };
    },
    AcknowledgeAllAlerts: () => {
      const acknowledged = pending.map((a) => ({ id: a.id }));
      pending = [];
      return { acknowledgeAllAlerts: { acknowledged, userErrors: [] } };
    },
  });
  const session = { client: { urql: fake.client } } as unknown as Session;
  render(() => <AlertBanner session={session} />);
  return {
    fake,
    raise: (next: ReturnType<typeof alert>) => (
      (pending = [...pending, next]),
      fake.push('AlertRaised', { alertRaised: { id: next.id, kind: next.kind } })
    ),
  };
}

afterEach(cleanup);

describe('AlertBanner', () => {
  it('shows the approvals for final confirmation with a link and an OK per order', async () => {
    setup([alert('a1', 500001), alert('a2', 500002)]);
    expect(
      await screen.findByText('2 orders were approved for your final confirmation'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: /Order 500001/ }).getAttribute('href')).toBe(
      '/orders/order-500001/confirm',
    );
    expect(screen.getAllByRole('button', { name: /^OK, order/ })).toHaveLength(2);
  });

  it('says what happened, which stays true once the orders are decided elsewhere', async () => {
    setup([
      alert('a1', 500001, 'ORDER_SUBMITTED'),
      alert('a2', 500002, 'ORDER_SUBMITTED'),
      alert('a3', 500003, 'ORDER_SUBMITTED'),
      alert('a4', 500004, 'ORDER_REJECTED'),
      alert('a5', 500005),
    ]);
    expect(await screen.findByText('3 orders were submitted for your decision')).toBeTruthy();
    expect(screen.getByText('1 order was rejected')).toBeTruthy();
    expect(screen.getByText('1 order was approved for your final confirmation')).toBeTruthy();
    expect(screen.queryByText(/to decide/)).toBeNull();
    expect(screen.getByRole('link', { name: /Order 500001/ }).getAttribute('href')).toBe(
      '/vendor/orders/order-500001',
    );
    expect(screen.getByRole('button', { name: 'OK ALL' })).toBeTruthy();
  });

  it('OK acknowledges that one alert; the banner counts one fewer', async () => {
    const { fake } = setup([alert('a1', 500001), alert('a2', 500002)]);
    await screen.findByText('2 orders were approved for your final confirmation');
    await userEvent.click(screen.getByRole('button', { name: 'OK, order 500001' }));
    expect(
      await screen.findByText('1 order was approved for your final confirmation'),
    ).toBeTruthy();
    expect(fake.callsOf('AcknowledgeAlert')).toEqual([
      { name: 'AcknowledgeAlert', variables: { id: 'a1' } },
    ]);
  });

  it('OK ALL acknowledges every alert and the banner goes away', async () => {
    const { fake } = setup([alert('a1', 500001), alert('a2', 500002, 'ORDER_REJECTED')]);
    await screen.findByText('1 order was approved for your final confirmation');
    expect(screen.getByText('1 order was rejected')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'OK ALL' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull());
    expect(fake.callsOf('AcknowledgeAllAlerts')).toHaveLength(1);
  });

  it('appears without a reload when an alert is raised live', async () => {
    const { raise, fake } = setup([]);
    expect(fake.openSubscriptions('AlertRaised')).toBe(1);
    expect(screen.queryByRole('region', { name: 'Alerts' })).toBeNull();
    await waitFor(() => expect(fake.callsOf('PendingAlerts')).toHaveLength(1));
    raise(alert('a3', 500003));
    expect(
      await screen.findByText('1 order was approved for your final confirmation'),
    ).toBeTruthy();
    expect(fake.callsOf('PendingAlerts')).toHaveLength(2);
  });
});
