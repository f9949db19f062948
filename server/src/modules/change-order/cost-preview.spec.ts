import { describe, expect, it } from 'vitest';
import { ProductChangeMode } from './change-order.enums.js';
import {
  costPreview,
  quantitiesAfter,
  type PreviewInput,
  type PreviewLine,
} from './cost-preview.js';

const ESSENTIALS = 'essentials';
const ADVANCED = 'advanced';
const ARCHIVE = 'archive';
const AWARENESS = 'awareness';
const MAIN = 'main-account';
const BRANCH = 'branch-account';

/** Today's inventory: product → billing account → quantity. */
type Inventory = Record<string, Record<string, number>>;

const acmeMail: Inventory = {
  [ESSENTIALS]: { [MAIN]: 30, [BRANCH]: 20 },
  [ARCHIVE]: { [MAIN]: 50 },
  [AWARENESS]: { [MAIN]: 5 },
};

const prices = new Map([
  [ESSENTIALS, 1_250],
  [ADVANCED, 1_899],
  [ARCHIVE, 315],
  // Awareness Training has no contracted price.
]);

const keep = { mode: ProductChangeMode.KEEP, productId: null, replacesProductId: null };
const upgrade = {
  mode: ProductChangeMode.REPLACE,
  productId: ADVANCED,
  replacesProductId: ESSENTIALS,
};

function input(overrides: Partial<PreviewInput> & { inventory?: Inventory } = {}): PreviewInput {
  const { inventory = acmeMail, ...rest } = overrides;
  const live = (productId: string, billingAccountId: string) =>
    inventory[productId]?.[billingAccountId] ?? 0;
  const held = (productId: string) =>
    Object.values(inventory[productId] ?? {}).reduce((total, quantity) => total + quantity, 0);
  return {
    lines: [],
    productChange: keep,
    held,
    live,
    productOrder: [ESSENTIALS, ADVANCED, ARCHIVE, AWARENESS],
    prices,
    ...rest,
  };
}

/** A draft's line: `available` is what the account holds today. */
const draftLine = (productId: string, billingAccountId: string, delta: number): PreviewLine => ({
  productId,
  billingAccountId,
  delta,
  available: acmeMail[productId]?.[billingAccountId] ?? 0,
});

const lineOf = (figures: ReturnType<typeof costPreview>, productId: string) =>
  figures.lines.find((line) => line.productId === productId);

describe('costPreview', () => {
  it('prices what the customer holds when the order changes nothing', () => {
    const figures = costPreview(input());
    expect(figures.lines).toEqual([
      {
        productId: ESSENTIALS,
        quantityBefore: 50,
        quantityAfter: 50,
        unitPriceCents: 1_250,
        monthlyBeforeCents: 62_500,
        monthlyAfterCents: 62_500,
      },
      {
        productId: ARCHIVE,
        quantityBefore: 50,
        quantityAfter: 50,
        unitPriceCents: 315,
        monthlyBeforeCents: 15_750,
        monthlyAfterCents: 15_750,
      },
    ]);
    expect(figures.currentMonthlyCents).toBe(78_250);
    expect(figures.newMonthlyCents).toBe(78_250);
    expect(figures.deltaMonthlyCents).toBe(0);
  });

  it('gives quantity and cost before and after per product, and the totals', () => {
    const figures = costPreview(
      input({ lines: [draftLine(ESSENTIALS, MAIN, 10), draftLine(ARCHIVE, MAIN, -20)] }),
    );
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({
      quantityBefore: 50,
      quantityAfter: 60,
      monthlyBeforeCents: 62_500,
      monthlyAfterCents: 75_000,
    });
    expect(lineOf(figures, ARCHIVE)).toMatchObject({
      quantityBefore: 50,
      quantityAfter: 30,
      monthlyBeforeCents: 15_750,
      monthlyAfterCents: 9_450,
    });
    expect(figures.currentMonthlyCents).toBe(62_500 + 15_750);
    expect(figures.newMonthlyCents).toBe(75_000 + 9_450);
    expect(figures.deltaMonthlyCents).toBe(75_000 + 9_450 - (62_500 + 15_750));
  });

  it('adds up the lines of one product on several billing accounts', () => {
    const figures = costPreview(
      input({ lines: [draftLine(ESSENTIALS, MAIN, 5), draftLine(ESSENTIALS, BRANCH, -3)] }),
    );
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({ quantityBefore: 50, quantityAfter: 52 });
  });

  it('moves the seats of a REPLACE: the replaced product ends at 0, the upgrade gets them', () => {
    const figures = costPreview(input({ productChange: upgrade }));
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({
      quantityBefore: 50,
      quantityAfter: 0,
      monthlyBeforeCents: 62_500,
      monthlyAfterCents: 0,
    });
    expect(lineOf(figures, ADVANCED)).toMatchObject({
      quantityBefore: 0,
      quantityAfter: 50,
      unitPriceCents: 1_899,
      monthlyBeforeCents: 0,
      monthlyAfterCents: 94_950,
    });
    expect(figures.currentMonthlyCents).toBe(62_500 + 15_750);
    expect(figures.newMonthlyCents).toBe(94_950 + 15_750);
    expect(figures.deltaMonthlyCents).toBe(94_950 - 62_500);
  });

  it('moves the seats after the deltas: seats added to the replaced product go across too', () => {
    const figures = costPreview(
      input({ productChange: upgrade, lines: [draftLine(ESSENTIALS, MAIN, 10)] }),
    );
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({ quantityBefore: 50, quantityAfter: 0 });
    expect(lineOf(figures, ADVANCED)).toMatchObject({ quantityBefore: 0, quantityAfter: 60 });
  });

  it('adds seats the upgrade already has to those moved across', () => {
    const inventory = { ...acmeMail, [ADVANCED]: { [BRANCH]: 4 } };
    const figures = costPreview(input({ inventory, productChange: upgrade }));
    expect(lineOf(figures, ADVANCED)).toMatchObject({ quantityBefore: 4, quantityAfter: 54 });
  });

  it('moves nothing for a REPLACE missing one of its products, nor for ADD', () => {
    for (const productChange of [
      { mode: ProductChangeMode.REPLACE, productId: ADVANCED, replacesProductId: null },
      { mode: ProductChangeMode.REPLACE, productId: null, replacesProductId: ESSENTIALS },
      { mode: ProductChangeMode.ADD, productId: ESSENTIALS, replacesProductId: null },
    ]) {
      const figures = costPreview(input({ productChange }));
      expect(lineOf(figures, ESSENTIALS)).toMatchObject({ quantityBefore: 50, quantityAfter: 50 });
      expect(lineOf(figures, ADVANCED)).toBeUndefined();
    }
  });

  it("takes a line's frozen `available` for today's quantity on its billing account", () => {
    // Submitted when MAIN held 30 Essentials; MAIN holds 26 today, BRANCH still 20.
    const today = { ...acmeMail, [ESSENTIALS]: { [MAIN]: 26, [BRANCH]: 20 } };
    const figures = costPreview(
      input({
        inventory: today,
        lines: [{ productId: ESSENTIALS, billingAccountId: MAIN, delta: 5, available: 30 }],
      }),
    );
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({
      quantityBefore: 50,
      quantityAfter: 55,
      monthlyBeforeCents: 62_500,
      monthlyAfterCents: 68_750,
    });
  });

  it('keeps the live quantity of billing accounts the order has no line for', () => {
    // BRANCH moved from 20 to 25 since submission; the order only touches MAIN.
    const today = { ...acmeMail, [ESSENTIALS]: { [MAIN]: 30, [BRANCH]: 25 } };
    const figures = costPreview(
      input({
        inventory: today,
        lines: [{ productId: ESSENTIALS, billingAccountId: MAIN, delta: -10, available: 30 }],
      }),
    );
    expect(lineOf(figures, ESSENTIALS)).toMatchObject({ quantityBefore: 55, quantityAfter: 45 });
  });

  it('leaves out products without a contracted price, even when the order changes them', () => {
    const figures = costPreview(input({ lines: [draftLine(AWARENESS, MAIN, 3)] }));
    expect(lineOf(figures, AWARENESS)).toBeUndefined();
    expect(figures.currentMonthlyCents).toBe(62_500 + 15_750);
    expect(figures.newMonthlyCents).toBe(62_500 + 15_750);
    expect(figures.deltaMonthlyCents).toBe(0);
  });

  it('leaves out priced products with 0 before and 0 after, keeps one that starts from 0', () => {
    expect(lineOf(costPreview(input()), ADVANCED)).toBeUndefined();
    expect(
      lineOf(costPreview(input({ lines: [draftLine(ADVANCED, MAIN, 0)] })), ADVANCED),
    ).toBeUndefined();
    expect(lineOf(costPreview(input({ lines: [draftLine(ADVANCED, MAIN, 2)] })), ADVANCED)).toEqual(
      {
        productId: ADVANCED,
        quantityBefore: 0,
        quantityAfter: 2,
        unitPriceCents: 1_899,
        monthlyBeforeCents: 0,
        monthlyAfterCents: 3_798,
      },
    );
  });

  it('keeps a product the order takes down to 0', () => {
    const figures = costPreview(input({ lines: [draftLine(ARCHIVE, MAIN, -50)] }));
    expect(lineOf(figures, ARCHIVE)).toMatchObject({
      quantityBefore: 50,
      quantityAfter: 0,
      monthlyAfterCents: 0,
    });
    expect(figures.deltaMonthlyCents).toBe(-15_750);
  });

  it('lists products in the catalogue order it is given', () => {
    const figures = costPreview(
      input({
        productOrder: [ARCHIVE, AWARENESS, ADVANCED, ESSENTIALS],
        lines: [draftLine(ADVANCED, MAIN, 1)],
      }),
    );
    expect(figures.lines.map((line) => line.productId)).toEqual([ARCHIVE, ADVANCED, ESSENTIALS]);
  });

  it('answers in integer cents only', () => {
    const figures = costPreview(
      input({
        productChange: upgrade,
        lines: [draftLine(ESSENTIALS, BRANCH, 7), draftLine(ARCHIVE, MAIN, 3)],
      }),
    );
    const amounts = [
      figures.currentMonthlyCents,
      figures.newMonthlyCents,
      figures.deltaMonthlyCents,
      ...figures.lines.flatMap((line) => [
        line.unitPriceCents,
        line.monthlyBeforeCents,
        line.monthlyAfterCents,
      ]),
    ];
    for (const cents of amounts) expect(Number.isSafeInteger(cents)).toBe(true);
    expect(figures.newMonthlyCents).toBe(57 * 1_899 + 53 * 315);
  });

  it('refuses figures beyond the safe integer range instead of rounding them', () => {
    const huge = new Map([[ESSENTIALS, Number.MAX_SAFE_INTEGER]]);
    expect(() => costPreview(input({ prices: huge }))).toThrow(RangeError);
  });
});

describe('quantitiesAfter', () => {
  it('gives before and after for every product asked about', () => {
    const { before, after } = quantitiesAfter({
      ...input({ productChange: upgrade, lines: [draftLine(ARCHIVE, MAIN, 5)] }),
      productIds: [ESSENTIALS, ADVANCED, ARCHIVE, AWARENESS],
    });
    expect(Object.fromEntries(before)).toEqual({
      [ESSENTIALS]: 50,
      [ADVANCED]: 0,
      [ARCHIVE]: 50,
      [AWARENESS]: 5,
    });
    expect(Object.fromEntries(after)).toEqual({
      [ESSENTIALS]: 0,
      [ADVANCED]: 50,
      [ARCHIVE]: 55,
      [AWARENESS]: 5,
    });
  });
});
