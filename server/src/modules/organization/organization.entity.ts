import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../node/node.interface.js';

export enum OrganizationKind {
  VENDOR = 'VENDOR',
  RESELLER = 'RESELLER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** A vendor (decides orders) or a reseller (places them). Every tenant boundary is one of these. */
@ObjectType('Organization', { implements: NodeInterface })
@Entity({ tableName: 'organization' })
export class Organization {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind, nativeEnumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
