import type { TriggerDef } from '@mikro-orm/core';

/**
 * The trigger that raises a read version on every write of a table's rows (migration
 * `read_versions`, which made the `bump_read_version` function they call; the response
 * cache reads the versions: src/app/response-cache/read-versions.ts). Declared on the
 * entity so that the schema diff knows the trigger is meant to be there, and so that a
 * reader of the entity sees that writing it changes what cached reads answer.
 *
 * `scope` and `by` name the version raised (`customer` by `customer_id`: the scope
 * `customer:<customer_id>`, for the row's old and its new values); `columns`, when given,
 * limits updates that count to those of the columns a cached read shows or is scoped by.
 */
export function readVersionTrigger(
  table: string,
  scope: string,
  by: string[],
  columns?: string[],
): TriggerDef {
  const update = columns
    ? `update of ${columns.map((column) => `"${column}"`).join(', ')}`
    : 'update';
  const args = [scope, ...by].map((value) => `'${value}'`).join(', ');
  const name = `${table}_read_version`;
  return {
    name,
    timing: 'after',
    events: ['insert', 'update', 'delete'],
    forEach: 'row',
    expression: `create trigger "${name}" after insert or delete or ${update} on "${table}" for each row execute function "bump_read_version"(${args})`,
  };
}
