import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { BillingAccount, Customer } from '../customer/customer.entity.js';
import { Product } from '../catalog/product.entity.js';
import { readVersionTrigger } from '../../common/read-version-trigger.js';

/**
 * How many of one product a customer holds on one billing account. A missing row means 0;
 * only Final Confirm changes quantities.
 */
@Entity({
  tableName: 'inventory_line',
  triggers: [
    readVersionTrigger(
      'inventory_line',
      'customer',
      ['customer_id'],
      ['quantity', 'customer_id', 'product_id', 'billing_account_id'],
    ),
  ],
})
@Unique({ properties: ['customer', 'product', 'billingAccount'] })
export class InventoryLine {
  [OptionalProps]?: 'version' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @ManyToOne({ entity: () => Product })
  product!: Product;

  @ManyToOne({ entity: () => BillingAccount })
  billingAccount!: BillingAccount;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
