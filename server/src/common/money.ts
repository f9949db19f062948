import { Field, Int, ObjectType } from 'type-graphql';

/**
 * Money in integer minor units (cents); never a float. Every sum and product of money in
 * the portal goes through here, checked to stay a safe integer.
 */
@ObjectType('Money')
export class Money {
  @Field(() => Int, {
    description: 'Minor units (cents). Monthly figures unless the field says otherwise.',
  })
  cents!: number;

  @Field(() => String)
  currency!: string;
}

function safe(cents: number): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money out of range: ${cents}`);
  return cents;
}

export function money(cents: number, currency: string): Money {
  return Object.assign(new Money(), { cents: safe(cents), currency });
}

/** unit price × quantity, in cents. */
export function times(unitCents: number, quantity: number): number {
  return safe(safe(unitCents) * safe(quantity));
}

/** Checks every value and every running total, so no step can round silently. */
export function sum(values: number[]): number {
  return values.reduce((total, value) => safe(total + safe(value)), 0);
}
