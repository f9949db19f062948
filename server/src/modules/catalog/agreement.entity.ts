import { randomUUID } from 'node:crypto';
import { Collection } from '@mikro-orm/core';
import {
  Entity,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Organization } from '../organization/organization.entity.js';
import { Product } from './product.entity.js';
import { readVersionTrigger } from '../../common/read-version-trigger.js';

/** What a reseller may sell of a vendor's catalogue, at which contracted monthly prices. */
@Entity({
  tableName: 'agreement',
  triggers: [
    readVersionTrigger(
      'agreement',
      'pair',
      ['reseller_id', 'vendor_id'],
      ['reseller_id', 'vendor_id'],
    ),
  ],
})
@Unique({ properties: ['reseller', 'vendor'] })
export class Agreement {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Organization })
  reseller!: Organization;

  @ManyToOne({ entity: () => Organization })
  vendor!: Organization;

  /** ISO 4217 code of every price in the agreement. */
  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Add-ons the reseller may order for its customers. */
  @ManyToMany({ entity: () => Product, pivotTable: 'agreement_add_on' })
  enabledAddOns = new Collection<Product>(this);

  @OneToMany({ entity: () => AgreementPrice, mappedBy: 'agreement' })
  prices = new Collection<AgreementPrice>(this);
}

/** The contracted monthly unit price of one product, in minor units (cents). */
@Entity({ tableName: 'agreement_price' })
@Unique({ properties: ['agreement', 'product'] })
export class AgreementPrice {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Agreement })
  agreement!: Agreement;

  @ManyToOne({ entity: () => Product })
  product!: Product;

  @Property({ type: 'integer' })
  unitPriceCents!: number;
}
