import { describe, expect, it } from 'vitest';
import { errorsAt, errorsByRow, errorsUnder, prefixed, unplacedErrors } from './errors';
import { rowKey } from './grid-math';

const error = (field: string[] | null, message = field?.join('.') ?? 'none') => ({
  code: 'VALIDATION',
  field,
  message,
});

describe('placing userErrors', () => {
  const errors = [
    error(['msaAccepted']),
    error(['lines', '1', 'delta']),
    error(['productChange', 'productId']),
    error(['lines']),
    error(null),
  ];

  it('finds the errors of one field by its exact path', () => {
    expect(errorsAt(errors, 'msaAccepted').map((e) => e.message)).toEqual(['msaAccepted']);
    expect(errorsAt(errors, 'lines').map((e) => e.message)).toEqual(['lines']);
    expect(errorsAt(errors, 'title')).toEqual([]);
  });

  it('finds every error under a prefix', () => {
    expect(errorsUnder(errors, 'lines').map((e) => e.message)).toEqual(['lines.1.delta', 'lines']);
  });

  it('leaves what no field claims for the summary', () => {
    expect(
      unplacedErrors(errors, [['msaAccepted'], ['productChange']]).map((e) => e.message),
    ).toEqual(['lines.1.delta', 'lines', 'none']);
  });

  it("moves setProductChange's fields under productChange", () => {
    expect(prefixed([error(['productId'])], 'productChange')[0]!.field).toEqual([
      'productChange',
      'productId',
    ]);
  });

  it('maps line indices to grid rows through the lines they count in', () => {
    const lines = [
      { productId: 'p1', billingAccountId: 'b' },
      { productId: 'p2', billingAccountId: 'b' },
    ];
    const byRow = errorsByRow(
      [
        error(['lines', '1', 'delta'], 'second'),
        error(['lines', '0', 'productId'], 'first'),
        error(['lines', '7', 'delta']),
      ],
      lines,
    );
    expect(byRow.get(rowKey('p2', 'b'))!.map((e) => e.message)).toEqual(['second']);
    expect(byRow.get(rowKey('p1', 'b'))!.map((e) => e.message)).toEqual(['first']);
    expect(byRow.size).toBe(2);
  });
});
