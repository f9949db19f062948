import { extractText, extractTextItems, type StructuredTextItem } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { addendumName, buildAddendum, PDF_TYPE } from './addendum.js';
import type { OrderDocumentData } from './order-document.data.js';

/** A4 in points, and the addendum's margin. */
const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const LONG_NAME = 'Premium PLUS IPECS ONE USER';

interface Line {
  name: string;
  before: number;
  after: number;
  unitCents: number;
}

/** The document data the addendum reads, for lines of made-up products. */
function documentData(
  lines: Line[],
  ticks = { msaAccepted: true, authorizationConfirmed: true },
): OrderDocumentData {
  const at = new Date('2026-11-23T18:37:00Z');
  const costLines = lines.map((line, i) => ({
    productId: `product-${i}`,
    quantityBefore: line.before,
    quantityAfter: line.after,
    unitPriceCents: line.unitCents,
    monthlyBeforeCents: line.before * line.unitCents,
    monthlyAfterCents: line.after * line.unitCents,
  }));
  const current = costLines.reduce((total, line) => total + line.monthlyBeforeCents, 0);
  const next = costLines.reduce((total, line) => total + line.monthlyAfterCents, 0);
  return {
    order: {
      number: 500123,
      title: 'More seats',
      submittedAt: at,
      decidedAt: at,
      confirmedAt: at,
      ...ticks,
    },
    customer: { name: 'Vertical Demo' },
    site: null,
    vendor: { name: 'Vertical' },
    reseller: { name: 'RS-Vertical' },
    orderUser: { name: 'Rich Balazsi' },
    implementationLead: null,
    lines: [],
    cost: {
      lines: costLines,
      currentMonthlyCents: current,
      newMonthlyCents: next,
      deltaMonthlyCents: next - current,
      productNames: new Map(lines.map((line, i) => [`product-${i}`, line.name])),
    },
    currency: 'USD',
  } as unknown as OrderDocumentData;
}

async function textItems(pdf: Buffer): Promise<StructuredTextItem[][]> {
  const { items } = await extractTextItems(new Uint8Array(pdf));
  return items.map((page) => page.filter((item) => item.str.trim() !== ''));
}

/** Pairs of text items on one page that share horizontal space less than a line apart. */
function overlaps(page: StructuredTextItem[]): string[] {
  const found: string[] = [];
  page.forEach((a, i) => {
    for (const b of page.slice(i + 1)) {
      const sideBySide = a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5;
      const lineApart = Math.abs(a.y - b.y) >= Math.min(a.fontSize, b.fontSize);
      if (!sideBySide && !lineApart) found.push(`${a.str} / ${b.str}`);
    }
  });
  return found;
}

describe('buildAddendum', () => {
  it('names the file after the customer and the order', () => {
    expect(addendumName(documentData([]))).toBe('Vertical Demo_Change_Addendum [500123].pdf');
    expect(PDF_TYPE).toBe('application/pdf');
  });

  it('keeps a wrapped product name clear of the next row, and the table inside the margins', async () => {
    const pdf = await buildAddendum(
      documentData([
        { name: 'Basic User', before: 0, after: 2, unitCents: 1500 },
        { name: LONG_NAME, before: 12, after: 12, unitCents: 3500 },
        { name: 'Premium IPECS ONE USER', before: 11, after: 12, unitCents: 3000 },
        { name: 'Stand Alone VM', before: 2, after: 1, unitCents: 500 },
      ]),
    );
    const pages = await textItems(pdf);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(overlaps(page)).toEqual([]);
    for (const item of page) {
      expect(item.x, item.str).toBeGreaterThanOrEqual(PAGE.margin - 0.5);
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.5);
    }
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain(
      `${LONG_NAME} 12 12 35.00 USD 420.00 USD 420.00 USD`,
    );
  });

  it('moves a row that does not fit to the next page whole', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => ({
      name: i % 10 === 3 ? `${LONG_NAME} ${i}` : `Product ${i}`,
      before: 1000 + i,
      after: 2000 + i,
      unitCents: 100,
    }));
    const pdf = await buildAddendum(documentData(lines));
    const pages = await textItems(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(3);
    pages.forEach((page) => expect(overlaps(page)).toEqual([]));

    const where = (str: string) => {
      const hits = pages.flatMap((page, p) =>
        page.filter((item) => item.str === str).map((item) => ({ page: p, y: item.y })),
      );
      expect(hits, str).toHaveLength(1);
      return hits[0]!;
    };
    let previous = { page: 0, y: Infinity };
    for (const line of lines) {
      // The first line of the name, then the cells: all on one page, on one baseline.
      const before = where(String(line.before));
      expect(where(String(line.after)), line.name).toEqual(before);
      // 1,0xx.00 USD: the monthly fee before, at 1.00 USD a seat.
      expect(where(`1,${String(line.before).slice(1)}.00 USD`), line.name).toEqual(before);
      const name = pages[before.page]!.find(
        (item) => line.name.startsWith(item.str) && item.y === before.y,
      );
      expect(name, line.name).toBeDefined();
      // Rows run down the page, then on at the top of the next.
      expect(
        before.page > previous.page || (before.page === previous.page && before.y < previous.y),
        line.name,
      ).toBe(true);
      previous = before;
    }
    // Every row is there and the totals follow the last one.
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text).toContain('Current monthly total: 83,160.00 USD');
  });

  it('totals the monthly fees, a decrease with a minus sign', async () => {
    const pdf = await buildAddendum(
      documentData([
        { name: 'Stand Alone VM', before: 2, after: 1, unitCents: 500 },
        { name: 'Basic User With VM', before: 1300, after: 1000, unitCents: 1800 },
      ]),
    );
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Stand Alone VM 2 1 5.00 USD 10.00 USD 5.00 USD');
    expect(flat).toContain('Basic User With VM 1300 1000 18.00 USD 23,400.00 USD 18,000.00 USD');
    expect(flat).toContain('Current monthly total: 23,410.00 USD');
    expect(flat).toContain('New monthly total: 18,005.00 USD');
    expect(flat).toContain('Monthly change: -5,405.00 USD');
  });

  it('states only what was ticked at submission', async () => {
    const line = [{ name: 'Basic User', before: 0, after: 1, unitCents: 1500 }];
    const statements = async (ticks: { msaAccepted: boolean; authorizationConfirmed: boolean }) => {
      const { text } = await extractText(
        new Uint8Array(await buildAddendum(documentData(line, ticks))),
        {
          mergePages: true,
        },
      );
      const flat = text.replace(/\s+/g, ' ');
      return [
        flat.includes(
          'This order is governed by the Master Services Agreement in effect between RS-Vertical and Vertical.',
        ),
        flat.includes(
          'Rich Balazsi confirmed being authorized to place this order on behalf of RS-Vertical.',
        ),
      ];
    };
    expect(await statements({ msaAccepted: true, authorizationConfirmed: true })).toEqual([
      true,
      true,
    ]);
    expect(await statements({ msaAccepted: false, authorizationConfirmed: true })).toEqual([
      false,
      true,
    ]);
    expect(await statements({ msaAccepted: true, authorizationConfirmed: false })).toEqual([
      true,
      false,
    ]);
  });
});
