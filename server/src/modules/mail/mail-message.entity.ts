import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeOrder } from '../change-order/change-order.entity.js';
import { OrderEvent } from '../change-order/order-event.entity.js';
import { Attachment } from '../document/attachment.entity.js';

export enum MailStatus {
  /** Waiting for the worker (or kept, where no SMTP server is configured). */
  PENDING = 'PENDING',
  /** Claimed by a worker, until `claimedUntil`. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Gave up after the last retry. */
  FAILED = 'FAILED',
}
registerEnumType(MailStatus, { name: 'MailStatus' });

/**
 * The mail outbox: one row per e-mail, written in the transaction of the transition that
 * causes it, sent later by the mail worker with retries. Its id makes the Message-ID.
 */
@ObjectType('MailMessage', { description: 'An e-mail the portal sent or keeps (dev mailbox).' })
@Entity({ tableName: 'mail_message' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class MailMessage {
  [OptionalProps]?: 'status' | 'attempts' | 'createdAt' | 'nextAttemptAt';

  @Field(() => String)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => ChangeOrder })
  order!: ChangeOrder;

  @ManyToOne({ entity: () => OrderEvent })
  event!: OrderEvent;

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  to!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  toName?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  html!: string;

  @ManyToOne({ entity: () => Attachment, nullable: true })
  attachment?: Attachment | null;

  @Field(() => MailStatus)
  @Enum({ items: () => MailStatus, nativeEnumName: 'mail_status' })
  status: MailStatus = MailStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  claimedUntil?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
