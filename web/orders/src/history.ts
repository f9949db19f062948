/** The order's history as rows to read: a draft's autosaves folded into one row per run. */
import { formatDate, statusLabel } from '@portal/web-shared';
import type { OrderEvent } from './documents';

export interface HistoryRow {
  /** The row's event; for a run of edits, the first of them. */
  event: OrderEvent;
  /** How many edits the row stands for (1 for any other event). */
  edits: number;
  /** When the last of them was made. */
  lastAt: string;
}

/**
 * Every autosave of a draft is an UPDATED event, so a draft edited for a minute has dozens
 * of them: consecutive UPDATED events by the same person become one row. The events
 * themselves (the public API) stay as they are; this is only how the page shows them.
 */
export function historyRows(events: readonly OrderEvent[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const event of events) {
    const previous = rows.at(-1);
    if (
      previous &&
      event.type === 'UPDATED' &&
      previous.event.type === 'UPDATED' &&
      (previous.event.actor?.id ?? null) === (event.actor?.id ?? null)
    ) {
      previous.edits += 1;
      previous.lastAt = event.at;
    } else rows.push({ event, edits: 1, lastAt: event.at });
  }
  return rows;
}

/** "Updated · 12 edits, last at 10:42" for a run of edits; the event's name otherwise. */
export function historyLabel(row: HistoryRow): string {
  if (row.edits === 1) return statusLabel(row.event.type);
  const first = formatDate(row.event.at);
  const last = formatDate(row.lastAt);
  // The time alone on the day the run began; the date too when it went on past midnight.
  const lastShown = last.slice(0, 10) === first.slice(0, 10) ? last.slice(11) : last;
  return `${statusLabel(row.event.type)} · ${row.edits} edits, last at ${lastShown}`;
}
