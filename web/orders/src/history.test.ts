import { describe, expect, it } from 'vitest';
import type { OrderEvent } from './documents';
import { historyLabel, historyRows } from './history';

/** Local times, as the page shows them. */
const at = (day: number, hour: number, minute: number) =>
  new Date(2026, 10, day, hour, minute).toISOString();
const event = (id: string, type: string, when: string, actorId: string | null = 'u1') =>
  ({
    id,
    type,
    fromStatus: 'DRAFT',
    toStatus: 'DRAFT',
    comment: null,
    at: when,
    actor: actorId ? { id: actorId, name: actorId } : null,
  }) as OrderEvent;

describe("the order's history rows", () => {
  it('folds only consecutive edits by the same person', () => {
    const rows = historyRows([
      event('e1', 'UPDATED', at(23, 10, 0)),
      event('e2', 'UPDATED', at(23, 10, 1)),
      event('e3', 'UPDATED', at(23, 10, 2), 'u2'),
      event('e4', 'SUBMITTED', at(23, 10, 3)),
      event('e5', 'UPDATED', at(23, 10, 4)),
    ]);
    expect(rows.map((row) => [row.event.id, row.edits])).toEqual([
      ['e1', 2],
      ['e3', 1],
      ['e4', 1],
      ['e5', 1],
    ]);
    expect(rows.map(historyLabel)).toEqual([
      'Updated · 2 edits, last at 10:01',
      'Updated',
      'Submitted',
      'Updated',
    ]);
  });

  it('gives the date of the last edit when the run went on past midnight', () => {
    const [row] = historyRows([
      event('e1', 'UPDATED', at(23, 23, 58)),
      event('e2', 'UPDATED', at(24, 0, 3)),
    ]);
    expect(historyLabel(row!)).toBe('Updated · 2 edits, last at 2026-11-24 00:03');
  });
});
