import { randomUUID } from 'node:crypto';
import { DeferMode, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Organization } from '../organization/organization.entity.js';
import { ChangeOrder } from './change-order.entity.js';

/**
 * The first successful outcome of a mutation sent with an idempotency key, so a retry
 * within 24 h gets it back instead of acting twice.
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ properties: ['organization', 'operation', 'key'] })
export class IdempotencyRecord {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Organization })
  organization!: Organization;

  @Property({ type: 'string', length: 50 })
  operation!: string;

  @Property({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of the input: the same key with another input is refused. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /**
   * Checked at commit: createChangeOrder claims its key before the order it makes exists
   * (so a replay writes nothing at all), with the id that order will have.
   */
  @ManyToOne({ entity: () => ChangeOrder, deferMode: DeferMode.INITIALLY_DEFERRED })
  order!: ChangeOrder;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
