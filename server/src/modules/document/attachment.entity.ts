import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { NodeInterface } from '../node/node.interface.js';

export enum AttachmentKind {
  ADDENDUM = 'ADDENDUM',
  APPROVAL_SHEET = 'APPROVAL_SHEET',
}
registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  valuesConfig: {
    ADDENDUM: {
      description: 'Order addendum: new items and fees beside the previous counts (PDF).',
    },
    APPROVAL_SHEET: { description: 'Approval notification sheet (XLSX).' },
  },
});

/**
 * A document kept in the customer's attachments (and with the order it came from). The
 * bytes live in PostgreSQL with the rest, so a backup holds everything.
 */
@ObjectType('Attachment', { implements: NodeInterface })
@Entity({ tableName: 'attachment' })
@Index({ properties: ['customer', 'createdAt'] })
@Index({ properties: ['order'] })
export class Attachment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @ManyToOne({ entity: () => ChangeOrder, nullable: true })
  order?: ChangeOrder | null;

  @Field(() => AttachmentKind)
  @Enum({ items: () => AttachmentKind, nativeEnumName: 'attachment_kind' })
  kind!: AttachmentKind;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  fileName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  byteSize!: number;

  /** Loaded only when the file is downloaded or mailed. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
