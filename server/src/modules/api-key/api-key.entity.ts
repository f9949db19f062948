import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';

export enum ApiScope {
  READ = 'READ',
  WRITE_ORDERS = 'WRITE_ORDERS',
  SUBSCRIBE = 'SUBSCRIBE',
}
registerEnumType(ApiScope, { name: 'ApiScope' });

/**
 * A credential for a third party, acting for its organisation within its scopes. Only a
 * SHA-256 of the secret is kept: the secret is 256 random bits, so a slow hash adds nothing.
 */
@ObjectType('ApiKey', { implements: NodeInterface })
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Organization })
  organization!: Organization;

  /** The admin who made it; the key's orders and events are done in that person's name. */
  @ManyToOne({ entity: () => User })
  createdBy!: User;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => [ApiScope])
  @Enum({ items: () => ApiScope, array: true, nativeEnumName: 'api_scope' })
  scopes!: ApiScope[];

  /** The public part of the secret, to find the key without scanning. */
  @Property({ type: 'string', length: 32, unique: true })
  prefix!: string;

  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
