import { describe, expect, it } from 'vitest';
import { fromGlobalId, idOfType, toGlobalId } from './global-id.js';

const uuid = '0b6f3c2e-8a4d-4f0e-9b1a-2c3d4e5f6a7b';

describe('global ids', () => {
  it('round-trips a type and key, and looks opaque', () => {
    const id = toGlobalId('Customer', uuid);
    expect(id).not.toContain(uuid);
    expect(fromGlobalId(id)).toEqual({ type: 'Customer', id: uuid });
  });

  it('answers null for anything that is not one of ours', () => {
    for (const bad of [
      '',
      'abc',
      uuid,
      toGlobalId('Customer', 'not-a-uuid'),
      '!!!',
      'x'.repeat(500),
    ]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
  });

  it('checks the expected type', () => {
    expect(idOfType(toGlobalId('Customer', uuid), 'Customer')).toBe(uuid);
    expect(idOfType(toGlobalId('ChangeOrder', uuid), 'Customer')).toBeNull();
  });
});
