import { randomUUID } from 'node:crypto';
import { Collection, OptionalProps } from '@mikro-orm/core';
import {
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { NodeInterface } from '../node/node.interface.js';
import { Organization } from '../organization/organization.entity.js';
import { readVersionTrigger } from '../../common/read-version-trigger.js';

/** A reseller's customer, holding licences of one vendor. */
@ObjectType('Customer', { implements: NodeInterface })
@Entity({
  tableName: 'customer',
  triggers: [
    readVersionTrigger('customer', 'customer', ['id'], ['name', 'reseller_id', 'vendor_id']),
  ],
})
@Index({ properties: ['reseller', 'name'] })
@Index({ properties: ['vendor', 'name'] })
export class Customer {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Customer Company Name' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: "e.g. 'Normal'" })
  @Property({ type: 'string', length: 100 })
  customerType!: string;

  @Field(() => String, { description: "e.g. 'Standard Plan'" })
  @Property({ type: 'string', length: 100 })
  servicePlan!: string;

  @ManyToOne({ entity: () => Organization })
  reseller!: Organization;

  @ManyToOne({ entity: () => Organization })
  vendor!: Organization;

  @ManyToOne({ entity: () => Contact, nullable: true })
  implementationLead?: Contact | null;

  @OneToMany({ entity: () => Site, mappedBy: 'customer', orderBy: { name: 'asc' } })
  sites = new Collection<Site>(this);

  @OneToMany({ entity: () => BillingAccount, mappedBy: 'customer', orderBy: { name: 'asc' } })
  billingAccounts = new Collection<BillingAccount>(this);

  @OneToMany({ entity: () => Contact, mappedBy: 'customer', orderBy: { name: 'asc' } })
  contacts = new Collection<Contact>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A place of the customer's (the order's Customer Site). */
@ObjectType('Site', { implements: NodeInterface })
@Entity({ tableName: 'site' })
export class Site {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;
}

/** An account the vendor bills; licences are held per billing account. */
@ObjectType('BillingAccount', { implements: NodeInterface })
@Entity({
  tableName: 'billing_account',
  triggers: [readVersionTrigger('billing_account', 'customer', ['customer_id'])],
})
export class BillingAccount {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;
}

/** A person at the customer: implementation leads are picked from these. */
@ObjectType('Contact', { implements: NodeInterface })
@Entity({ tableName: 'contact' })
// One contact per e-mail address at a customer, compared as addContact compares them (the
// service says so with a VALIDATION error; this holds for any other writer too).
@Unique({
  name: 'contact_customer_id_email_unique',
  expression:
    'create unique index "contact_customer_id_email_unique" on "contact" ("customer_id", lower(btrim("email")))',
})
export class Contact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  email!: string;
}
