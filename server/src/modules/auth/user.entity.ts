import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';

export enum Role {
  RESELLER_ADMIN = 'RESELLER_ADMIN',
  RESELLER_AGENT = 'RESELLER_AGENT',
  VENDOR_APPROVER = 'VENDOR_APPROVER',
  VENDOR_ADMIN = 'VENDOR_ADMIN',
  API_CLIENT = 'API_CLIENT',
}
registerEnumType(Role, { name: 'Role' });

/** A person who signs in; belongs to one organisation. */
@ObjectType('User', { implements: NodeInterface })
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Stored lower-case; sign-in compares lower-case. */
  @Field(() => String)
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  /** argon2id */
  @Property({ type: 'string', length: 200, lazy: true, hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @ManyToOne({ entity: () => Organization })
  organization!: Organization;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
