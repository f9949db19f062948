import { describe, expect, it } from 'vitest';
import { UserErrorCode, type UserError } from '../../common/user-error.js';
import { ProductKind } from '../catalog/product.entity.js';
import { ProductChangeMode } from './change-order.enums.js';
import {
  confirmationViolations,
  contentViolations,
  inventoryChangedViolations,
  mayOrder,
  submitViolations,
  type RuleFacts,
  type RuleLine,
  type RuleOrder,
  type RuleProduct,
} from './change-order.rules.js';

// The Acme Mail customer of SPEC.md's demo data, as the rules see it.
const ESSENTIALS = 'essentials';
const ADVANCED = 'advanced';
const ARCHIVE = 'archive';
const AWARENESS = 'awareness';
const BASIC_USER = 'basic-user';
const ACCOUNT = 'acme-mail-account';

const catalogue: RuleProduct[] = [
  {
    id: ESSENTIALS,
    name: 'Email Security Essentials',
    kind: ProductKind.PRIMARY,
    upgradesTo: [ADVANCED],
  },
  { id: ADVANCED, name: 'Email Security Advanced', kind: ProductKind.PRIMARY, upgradesTo: [] },
  { id: ARCHIVE, name: 'Archive', kind: ProductKind.ADD_ON, upgradesTo: [] },
  { id: AWARENESS, name: 'Awareness Training', kind: ProductKind.ADD_ON, upgradesTo: [] },
  { id: BASIC_USER, name: 'Basic User', kind: ProductKind.ITEM, upgradesTo: [] },
];

function factsWith(held: Record<string, number> = { [ESSENTIALS]: 50, [ARCHIVE]: 50 }): RuleFacts {
  return {
    products: new Map(catalogue.map((product) => [product.id, product])),
    enabledAddOnIds: new Set([ARCHIVE]),
    heldQuantity: (productId) => held[productId] ?? 0,
  };
}

const line = (productId: string, delta: number, available = 0): RuleLine => ({
  productId,
  billingAccountId: ACCOUNT,
  delta,
  available,
});

const keep = { mode: ProductChangeMode.KEEP, productId: null, replacesProductId: null };
const add = (productId: string | null = ESSENTIALS) => ({
  mode: ProductChangeMode.ADD,
  productId,
  replacesProductId: null,
});
const replace = (replacesProductId: string | null, productId: string | null) => ({
  mode: ProductChangeMode.REPLACE,
  productId,
  replacesProductId,
});

function order(overrides: Partial<RuleOrder> = {}): RuleOrder {
  return {
    lines: [line(ESSENTIALS, 5, 50)],
    productChange: keep,
    msaAccepted: true,
    authorizationConfirmed: true,
    ...overrides,
  };
}

const codes = (errors: UserError[]) => errors.map((error) => error.code);
const only = (errors: UserError[], code: UserErrorCode) =>
  errors.filter((error) => error.code === code);

describe('contentViolations', () => {
  it('accepts a well-formed order', () => {
    expect(contentViolations(order(), factsWith())).toEqual([]);
  });

  describe('EMPTY_ORDER', () => {
    it('is raised when there are no lines and the primary product is kept', () => {
      const errors = contentViolations(order({ lines: [] }), factsWith());
      expect(codes(errors)).toEqual([UserErrorCode.EMPTY_ORDER]);
      expect(errors[0]!.field).toEqual(['lines']);
      expect(errors[0]!.message).not.toBe('');
    });

    it('is raised when every line has a zero delta', () => {
      const errors = contentViolations(
        order({ lines: [line(ESSENTIALS, 0, 50), line(ARCHIVE, 0, 50)] }),
        factsWith(),
      );
      expect(codes(errors)).toEqual([UserErrorCode.EMPTY_ORDER]);
    });

    it('is not raised when one line of several changes something', () => {
      const errors = contentViolations(
        order({ lines: [line(ESSENTIALS, 0, 50), line(BASIC_USER, 1, 0)] }),
        factsWith(),
      );
      expect(errors).toEqual([]);
    });

    it('is not raised for a lone negative line', () => {
      expect(contentViolations(order({ lines: [line(ESSENTIALS, -5, 50)] }), factsWith())).toEqual(
        [],
      );
    });

    it('is not raised for an ADD product change without lines', () => {
      const errors = contentViolations(order({ lines: [], productChange: add() }), factsWith());
      expect(errors).toEqual([]);
    });

    it('is not raised for a REPLACE product change without lines', () => {
      const errors = contentViolations(
        order({ lines: [], productChange: replace(ESSENTIALS, ADVANCED) }),
        factsWith(),
      );
      expect(errors).toEqual([]);
    });
  });

  describe('NEGATIVE_TO_BE', () => {
    it('points at the delta of the offending line, its index as a string', () => {
      const errors = contentViolations(
        order({
          lines: [line(BASIC_USER, 1, 0), line(BASIC_USER, 1, 0), line(ESSENTIALS, -51, 50)],
        }),
        factsWith(),
      );
      expect(codes(errors)).toEqual([UserErrorCode.NEGATIVE_TO_BE]);
      expect(errors[0]!.field).toEqual(['lines', '2', 'delta']);
      expect(errors[0]!.message).toContain('Email Security Essentials');
      expect(errors[0]!.message).toContain('-1');
    });

    it('allows a line that brings To Be down to exactly zero', () => {
      expect(contentViolations(order({ lines: [line(ESSENTIALS, -50, 50)] }), factsWith())).toEqual(
        [],
      );
    });

    it('judges by available + delta, not by the delta alone', () => {
      expect(contentViolations(order({ lines: [line(BASIC_USER, -3, 2)] }), factsWith())).toEqual([
        expect.objectContaining({
          code: UserErrorCode.NEGATIVE_TO_BE,
          field: ['lines', '0', 'delta'],
        }),
      ]);
      expect(contentViolations(order({ lines: [line(BASIC_USER, -3, 3)] }), factsWith())).toEqual(
        [],
      );
    });

    it('reports every negative line, each with its own index', () => {
      const errors = contentViolations(
        order({
          lines: [line(BASIC_USER, -1, 0), line(BASIC_USER, 2, 0), line(ARCHIVE, -60, 50)],
        }),
        factsWith(),
      );
      expect(only(errors, UserErrorCode.NEGATIVE_TO_BE).map((error) => error.field)).toEqual([
        ['lines', '0', 'delta'],
        ['lines', '2', 'delta'],
      ]);
    });

    it('is raised for a product the catalogue does not know', () => {
      const errors = contentViolations(order({ lines: [line('unknown', -1, 0)] }), factsWith());
      expect(codes(errors)).toEqual([UserErrorCode.NEGATIVE_TO_BE]);
    });
  });

  describe('PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE', () => {
    it('is raised for ADD with a negative delta on a PRIMARY product', () => {
      const errors = contentViolations(
        order({ lines: [line(BASIC_USER, 1, 0), line(ESSENTIALS, -5, 50)], productChange: add() }),
        factsWith(),
      );
      expect(codes(errors)).toEqual([UserErrorCode.PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE]);
      expect(errors[0]!.field).toEqual(['lines', '1', 'delta']);
    });

    it('is raised for REPLACE with a negative delta on a PRIMARY product', () => {
      const errors = contentViolations(
        order({
          lines: [line(ESSENTIALS, -5, 50)],
          productChange: replace(ESSENTIALS, ADVANCED),
        }),
        factsWith(),
      );
      expect(codes(errors)).toEqual([UserErrorCode.PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE]);
      expect(errors[0]!.field).toEqual(['lines', '0', 'delta']);
    });

    it('is not raised for a seat downgrade while the product is kept', () => {
      expect(
        contentViolations(
          order({ lines: [line(ESSENTIALS, -5, 50)], productChange: keep }),
          factsWith(),
        ),
      ).toEqual([]);
    });

    it('is not raised for negative deltas on ITEM or ADD_ON products', () => {
      for (const productChange of [add(), replace(ESSENTIALS, ADVANCED)]) {
        const errors = contentViolations(
          order({ lines: [line(BASIC_USER, -1, 3), line(ARCHIVE, -10, 50)], productChange }),
          factsWith(),
        );
        expect(errors).toEqual([]);
      }
    });

    it('is not raised for a seat increase together with a product change', () => {
      expect(
        contentViolations(
          order({ lines: [line(ESSENTIALS, 10, 50)], productChange: add() }),
          factsWith(),
        ),
      ).toEqual([]);
    });
  });

  describe('ADD_ON_NOT_ENABLED', () => {
    it('is raised for an add-on the agreement does not enable, pointing at its product', () => {
      const errors = contentViolations(
        order({ lines: [line(ESSENTIALS, 1, 50), line(AWARENESS, 5, 0)] }),
        factsWith(),
      );
      expect(codes(errors)).toEqual([UserErrorCode.ADD_ON_NOT_ENABLED]);
      expect(errors[0]!.field).toEqual(['lines', '1', 'productId']);
      expect(errors[0]!.message).toContain('Awareness Training');
    });

    it('is not raised for an enabled add-on', () => {
      expect(contentViolations(order({ lines: [line(ARCHIVE, 5, 50)] }), factsWith())).toEqual([]);
    });

    it('is not raised for PRIMARY or ITEM products, which no agreement enables', () => {
      const facts = { ...factsWith(), enabledAddOnIds: new Set<string>() };
      expect(
        contentViolations(order({ lines: [line(ESSENTIALS, 5, 50), line(BASIC_USER, 2)] }), facts),
      ).toEqual([]);
    });

    it('is what the licence grid tells a screen up front (mayOrder, its `orderable`)', () => {
      expect(mayOrder(ProductKind.ADD_ON, false)).toBe(false);
      expect(mayOrder(ProductKind.ADD_ON, true)).toBe(true);
      expect(mayOrder(ProductKind.PRIMARY, false)).toBe(true);
      expect(mayOrder(ProductKind.ITEM, false)).toBe(true);
    });

    it('is not raised for an unchanged line of an add-on the customer already holds', () => {
      expect(
        contentViolations(
          order({ lines: [line(ESSENTIALS, 1, 50), line(AWARENESS, 0, 10)] }),
          factsWith(),
        ),
      ).toEqual([]);
    });
  });

  describe('INVALID_UPGRADE', () => {
    it('accepts a REPLACE to a product in replaces.upgradesTo of a product the customer holds', () => {
      expect(
        contentViolations(
          order({ productChange: replace(ESSENTIALS, ADVANCED) }),
          factsWith({ [ESSENTIALS]: 50 }),
        ),
      ).toEqual([]);
    });

    it('is raised for a REPLACE to a product not in replaces.upgradesTo', () => {
      const errors = contentViolations(
        order({ productChange: replace(ADVANCED, ESSENTIALS) }),
        factsWith({ [ESSENTIALS]: 50, [ADVANCED]: 10 }),
      );
      expect(codes(errors)).toEqual([UserErrorCode.INVALID_UPGRADE]);
      expect(errors[0]!.field).toEqual(['productChange', 'productId']);
      expect(errors[0]!.message).toContain('Email Security Advanced');
      expect(errors[0]!.message).toContain('Email Security Essentials');
    });

    it('is raised for a REPLACE of a product the customer holds none of', () => {
      const errors = contentViolations(
        order({ productChange: replace(ESSENTIALS, ADVANCED) }),
        factsWith({ [ESSENTIALS]: 0 }),
      );
      expect(codes(errors)).toEqual([UserErrorCode.INVALID_UPGRADE]);
      expect(errors[0]!.field).toEqual(['productChange', 'replacesProductId']);
    });

    it('asks the facts about the replaced product, not the new one', () => {
      const asked: string[] = [];
      const facts: RuleFacts = {
        ...factsWith(),
        heldQuantity: (productId) => {
          asked.push(productId);
          return productId === ADVANCED ? 10 : 0;
        },
      };
      const errors = contentViolations(
        order({ productChange: replace(ESSENTIALS, ADVANCED) }),
        facts,
      );
      expect(asked).toContain(ESSENTIALS);
      expect(only(errors, UserErrorCode.INVALID_UPGRADE)).toHaveLength(1);
    });

    it('reports both reasons at once', () => {
      const errors = contentViolations(
        order({ productChange: replace(ADVANCED, BASIC_USER) }),
        factsWith({}),
      );
      expect(only(errors, UserErrorCode.INVALID_UPGRADE).map((error) => error.field)).toEqual([
        ['productChange', 'productId'],
        ['productChange', 'replacesProductId'],
      ]);
    });

    it('is raised for a REPLACE missing either product, or of an unknown product', () => {
      for (const productChange of [
        replace(null, ADVANCED),
        replace(ESSENTIALS, null),
        replace('unknown', ADVANCED),
      ]) {
        const errors = contentViolations(order({ productChange }), factsWith({ unknown: 5 }));
        expect(codes(errors)).toContain(UserErrorCode.INVALID_UPGRADE);
      }
    });

    it('is not checked for ADD or KEEP', () => {
      expect(contentViolations(order({ productChange: add(ADVANCED) }), factsWith({}))).toEqual([]);
      expect(contentViolations(order({ productChange: keep }), factsWith({}))).toEqual([]);
    });
  });

  it('leaves the tick boxes to the submit step', () => {
    expect(
      contentViolations(order({ msaAccepted: false, authorizationConfirmed: false }), factsWith()),
    ).toEqual([]);
  });
});

describe('confirmationViolations', () => {
  it('accepts both boxes ticked', () => {
    expect(confirmationViolations({ msaAccepted: true, authorizationConfirmed: true })).toEqual([]);
  });

  it('raises MSA_NOT_ACCEPTED for an unticked MSA box', () => {
    const errors = confirmationViolations({ msaAccepted: false, authorizationConfirmed: true });
    expect(codes(errors)).toEqual([UserErrorCode.MSA_NOT_ACCEPTED]);
    expect(errors[0]!.field).toEqual(['msaAccepted']);
  });

  it('raises AUTHORIZATION_NOT_CONFIRMED for an unticked authorization box', () => {
    const errors = confirmationViolations({ msaAccepted: true, authorizationConfirmed: false });
    expect(codes(errors)).toEqual([UserErrorCode.AUTHORIZATION_NOT_CONFIRMED]);
    expect(errors[0]!.field).toEqual(['authorizationConfirmed']);
  });

  it('raises both when neither is ticked', () => {
    expect(
      codes(confirmationViolations({ msaAccepted: false, authorizationConfirmed: false })),
    ).toEqual([UserErrorCode.MSA_NOT_ACCEPTED, UserErrorCode.AUTHORIZATION_NOT_CONFIRMED]);
  });
});

describe('submitViolations', () => {
  it('accepts a well-formed order with both boxes ticked', () => {
    expect(submitViolations(order(), factsWith())).toEqual([]);
  });

  it('includes the tick boxes', () => {
    expect(codes(submitViolations(order({ msaAccepted: false }), factsWith()))).toEqual([
      UserErrorCode.MSA_NOT_ACCEPTED,
    ]);
    expect(codes(submitViolations(order({ authorizationConfirmed: false }), factsWith()))).toEqual([
      UserErrorCode.AUTHORIZATION_NOT_CONFIRMED,
    ]);
  });

  it('returns an empty order together with the unticked boxes', () => {
    const errors = submitViolations(
      order({ lines: [], msaAccepted: false, authorizationConfirmed: false }),
      factsWith(),
    );
    expect(codes(errors).sort()).toEqual(
      [
        UserErrorCode.EMPTY_ORDER,
        UserErrorCode.MSA_NOT_ACCEPTED,
        UserErrorCode.AUTHORIZATION_NOT_CONFIRMED,
      ].sort(),
    );
  });

  it('returns every broken rule at once, each with its field path', () => {
    const errors = submitViolations(
      {
        lines: [
          line(ESSENTIALS, -60, 50), // negative To Be, and a seat downgrade with a product change
          line(AWARENESS, 3, 0), // add-on not enabled
          line(BASIC_USER, -2, 1), // negative To Be
        ],
        // Advanced does not upgrade to Essentials, and the customer holds no Advanced.
        productChange: replace(ADVANCED, ESSENTIALS),
        msaAccepted: false,
        authorizationConfirmed: false,
      },
      factsWith({ [ESSENTIALS]: 50 }),
    );
    const found = errors.map((error) => [error.code, (error.field ?? []).join('.')]);
    expect(found).toEqual(
      expect.arrayContaining([
        [UserErrorCode.NEGATIVE_TO_BE, 'lines.0.delta'],
        [UserErrorCode.PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE, 'lines.0.delta'],
        [UserErrorCode.ADD_ON_NOT_ENABLED, 'lines.1.productId'],
        [UserErrorCode.NEGATIVE_TO_BE, 'lines.2.delta'],
        [UserErrorCode.INVALID_UPGRADE, 'productChange.productId'],
        [UserErrorCode.INVALID_UPGRADE, 'productChange.replacesProductId'],
        [UserErrorCode.MSA_NOT_ACCEPTED, 'msaAccepted'],
        [UserErrorCode.AUTHORIZATION_NOT_CONFIRMED, 'authorizationConfirmed'],
      ]),
    );
    expect(errors).toHaveLength(8);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('inventoryChangedViolations', () => {
  it('accepts lines that today’s inventory still covers', () => {
    expect(
      inventoryChangedViolations([
        { delta: -5, current: 5, productName: 'Basic User' },
        { delta: 10, current: 0, productName: 'Archive' },
        { delta: 0, current: 0, productName: 'Stand Alone VM' },
      ]),
    ).toEqual([]);
  });

  it('accepts no lines', () => {
    expect(inventoryChangedViolations([])).toEqual([]);
  });

  it('raises INVENTORY_CHANGED for each line that would now go below zero', () => {
    const errors = inventoryChangedViolations([
      { delta: -5, current: 4, productName: 'Basic User' },
      { delta: 2, current: 0, productName: 'Archive' },
      { delta: -1, current: 0, productName: 'Stand Alone VM' },
    ]);
    expect(codes(errors)).toEqual([
      UserErrorCode.INVENTORY_CHANGED,
      UserErrorCode.INVENTORY_CHANGED,
    ]);
    expect(errors.map((error) => error.field)).toEqual([
      ['lines', '0', 'delta'],
      ['lines', '2', 'delta'],
    ]);
    expect(errors[0]!.message).toContain('Basic User');
    expect(errors[0]!.message).toContain('4');
    expect(errors[1]!.message).toContain('Stand Alone VM');
  });
});
