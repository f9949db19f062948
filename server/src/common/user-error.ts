import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  VALIDATION = 'VALIDATION',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  STALE_VERSION = 'STALE_VERSION',
  EMPTY_ORDER = 'EMPTY_ORDER',
  NEGATIVE_TO_BE = 'NEGATIVE_TO_BE',
  PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE = 'PRODUCT_CHANGE_WITH_SEAT_DOWNGRADE',
  ADD_ON_NOT_ENABLED = 'ADD_ON_NOT_ENABLED',
  INVALID_UPGRADE = 'INVALID_UPGRADE',
  MSA_NOT_ACCEPTED = 'MSA_NOT_ACCEPTED',
  AUTHORIZATION_NOT_CONFIRMED = 'AUTHORIZATION_NOT_CONFIRMED',
  INVENTORY_CHANGED = 'INVENTORY_CHANGED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
}
registerEnumType(UserErrorCode, { name: 'UserErrorCode' });

/** An outcome the user can cause and fix: returned in a payload's `userErrors`, never thrown. */
@ObjectType('UserError')
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => String)
  message!: string;

  @Field(() => [String], {
    nullable: true,
    description: "Path to the offending input field, e.g. ['lines', '2', 'delta'].",
  })
  field?: string[] | null;
}

export function userError(
  code: UserErrorCode,
  message: string,
  field?: (string | number)[],
): UserError {
  return Object.assign(new UserError(), { code, message, field: field?.map(String) ?? null });
}

/**
 * Thrown inside a transaction to roll it back and answer with userErrors instead: nothing
 * a refused mutation did may stay written.
 */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.code).join(', '));
  }
}

/** Refuses with one error. */
export function refuse(code: UserErrorCode, message: string, field?: (string | number)[]): never {
  throw new Refusal([userError(code, message, field)]);
}
