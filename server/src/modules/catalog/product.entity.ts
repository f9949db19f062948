import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import {
  Entity,
  Enum,
  ManyToMany,
  ManyToOne,
  PrimaryKey,
  Property,
} from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';
import { readVersionTrigger } from '../../common/read-version-trigger.js';

export enum ProductKind {
  PRIMARY = 'PRIMARY',
  ADD_ON = 'ADD_ON',
  ITEM = 'ITEM',
}
registerEnumType(ProductKind, {
  name: 'ProductKind',
  valuesConfig: {
    PRIMARY: {
      description: 'A main product (seats apply to it); can be added to or replaced by an upgrade.',
    },
    ADD_ON: { description: 'Enabled per reseller agreement; attaches to a primary product.' },
    ITEM: {
      description:
        'A countable licence or item: user licences, soft clients, devices, trunk channels, call bundles.',
    },
  },
});

/** Something a vendor sells: a primary product, an add-on or a countable item. */
@ObjectType('Product', { implements: NodeInterface })
@Entity({
  tableName: 'product',
  triggers: [
    readVersionTrigger(
      'product',
      'catalog',
      ['vendor_id'],
      ['sku', 'name', 'item_group', 'kind', 'vendor_id', 'position'],
    ),
  ],
})
export class Product {
  [OptionalProps]?: 'position';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  sku!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, {
    description: "Free text shown as the grid's Item Group, e.g. 'User License', 'Soft Client'.",
  })
  @Property({ type: 'string', length: 100 })
  itemGroup!: string;

  @Field(() => ProductKind)
  @Enum({ items: () => ProductKind, nativeEnumName: 'product_kind' })
  kind!: ProductKind;

  @ManyToOne({ entity: () => Organization })
  vendor!: Organization;

  /** Order of the rows in the licence grid. */
  @Property({ type: 'integer', default: 0 })
  position: number = 0;

  /** Primary products this one may be upgraded to. */
  @ManyToMany({
    entity: () => Product,
    pivotTable: 'product_upgrade',
    joinColumn: 'product_id',
    inverseJoinColumn: 'upgrade_id',
  })
  upgradesTo = new Collection<Product>(this);
}
