import { wrap, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { eventScope } from '../modules/auth/access.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { Agreement } from '../modules/catalog/agreement.entity.js';
import {
  loadCustomerFacts,
  type CustomerFacts,
  type CustomerRef,
} from '../modules/catalog/customer-facts.js';
import { ChangeOrderLine } from '../modules/change-order/change-order.entity.js';
import { OrderEvent } from '../modules/change-order/order-event.entity.js';
import { Product } from '../modules/catalog/product.entity.js';
import { BillingAccount, Contact, Site } from '../modules/customer/customer.entity.js';
import type { LicenseLine } from '../modules/customer/customer.types.js';
import { loadLicenseGrids } from '../modules/customer/license-grid.js';
import { Attachment } from '../modules/document/attachment.entity.js';
import { InventoryLine } from '../modules/inventory/inventory-line.entity.js';

type Keyed = { id: string };

/** Groups rows by a key, keeping every key asked for (absent ones get []). */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Per-request batching of nested fields (one query per kind of thing, not per row), so a
 * page of 50 orders or a grid of 300 lines costs the same number of statements as one.
 * Made fresh for each request or subscription event. Nothing is cached across viewers but
 * `entity()`, whose answer is the same for all: subscribers of one relayed event share it.
 */
export class Loaders {
  private readonly entityLoaders = new Map<EntityClass<Keyed>, DataLoader<string, Keyed | null>>();

  /**
   * @param emOf the EntityManager, asked for only when something is read (a context forks
   *   its own on first use).
   * @param sharedEntities reads of `entity()` shared with other contexts resolving the same
   *   relayed event (see freshContext).
   */
  constructor(
    private readonly emOf: () => EntityManager,
    private readonly viewer: Viewer | null,
    private readonly sharedEntities?: Map<string, Promise<unknown>>,
  ) {}

  private get em(): EntityManager {
    return this.emOf();
  }

  /**
   * Any entity by its key (relations of objects the viewer may already see). One the request
   * already holds (a relation its query joined) is not fetched again. The answer is the
   * same for every viewer, which is what lets subscribers of one event share it.
   */
  entity<T extends Keyed>(cls: EntityClass<T>, id: string): Promise<T | null> {
    const shared = this.sharedEntities;
    if (!shared) return this.ownEntity(cls, id);
    const key = `${cls.name}:${id}`;
    let read = shared.get(key) as Promise<T | null> | undefined;
    if (!read) {
      shared.set(key, (read = this.ownEntity(cls, id)));
      read.catch(() => shared.delete(key)); // the next subscriber reads it again
    }
    return read;
  }

  private ownEntity<T extends Keyed>(cls: EntityClass<T>, id: string): Promise<T | null> {
    const held = this.em.getUnitOfWork().getById<Keyed>(cls as EntityClass<Keyed>, id) as
      T | undefined;
    if (held && wrap(held).isInitialized()) return Promise.resolve(held);
    let loader = this.entityLoaders.get(cls);
    if (!loader) {
      loader = new DataLoader<string, Keyed | null>(async (ids) => {
        const rows = await this.em.find(cls as EntityClass<Keyed>, { id: { $in: [...ids] } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.entityLoaders.set(cls, loader);
    }
    return loader.load(id) as Promise<T | null>;
  }

  /** Catalogue, agreement and inventory facts per customer. */
  readonly facts = new DataLoader<CustomerRef, CustomerFacts, string>(
    async (customers) => {
      // Inventory through its own loader: an order's lines read it too, in the same request.
      const facts = await loadCustomerFacts(this.em, customers, async (ids) =>
        (await this.customerInventory.loadMany(ids)).flatMap((lines) => {
          if (lines instanceof Error) throw lines;
          return lines.map((line) => ({
            customerId: line.customer.id,
            productId: line.product.id,
            billingAccountId: line.billingAccount.id,
            quantity: line.quantity,
          }));
        }),
      );
      return customers.map((customer) => facts.get(customer.id)!);
    },
    { cacheKeyFn: (customer) => customer.id },
  );

  /** An order's lines with their products and billing accounts (joined). */
  readonly orderLines = new DataLoader<string, ChangeOrderLine[]>(async (orderIds) => {
    const lines = await this.em.find(
      ChangeOrderLine,
      { order: { $in: [...orderIds] } },
      { populate: ['product', 'billingAccount'], orderBy: { position: 'asc' } },
    );
    return groupBy(orderIds, lines, (line) => line.order.id);
  });

  /** An order's events the viewer may see, oldest first. */
  readonly orderHistory = new DataLoader<string, OrderEvent[]>(async (orderIds) => {
    const events = this.viewer
      ? await this.em.find(
          OrderEvent,
          { order: { $in: [...orderIds] }, ...eventScope(this.viewer) },
          { orderBy: { sequence: 'asc' } },
        )
      : [];
    return groupBy(orderIds, events, (event) => event.order.id);
  });

  /** A customer's licence grid: every product of its vendor on each billing account. */
  readonly licenseGrid = new DataLoader<string, LicenseLine[]>(async (customerIds) => {
    const grids = await loadLicenseGrids(this.em, customerIds);
    return customerIds.map((id) => grids.get(id) ?? []);
  });

  /** A customer's inventory rows. */
  readonly customerInventory = new DataLoader<string, InventoryLine[]>(async (customerIds) => {
    const lines = await this.em.find(InventoryLine, { customer: { $in: [...customerIds] } });
    return groupBy(customerIds, lines, (line) => line.customer.id);
  });

  /** Primary products each product may be upgraded to. */
  readonly upgrades = new DataLoader<string, Product[]>(async (productIds) => {
    const products = await this.em.find(
      Product,
      { id: { $in: [...productIds] } },
      { populate: ['upgradesTo'] },
    );
    const byId = new Map(products.map((p) => [p.id, p.upgradesTo.getItems()]));
    return productIds.map((id) => byId.get(id) ?? []);
  });

  /** A customer's documents, newest first. */
  readonly customerAttachments = new DataLoader<string, Attachment[]>(async (customerIds) => {
    const rows = await this.em.find(
      Attachment,
      { customer: { $in: [...customerIds] } },
      { orderBy: { createdAt: 'desc', id: 'asc' } },
    );
    return groupBy(customerIds, rows, (row) => row.customer.id);
  });

  /** The documents an order produced, oldest first. */
  readonly orderDocuments = new DataLoader<string, Attachment[]>(async (orderIds) => {
    const rows = await this.em.find(
      Attachment,
      { order: { $in: [...orderIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return groupBy(orderIds, rows, (row) => row.order!.id);
  });

  readonly customerSites = this.childrenOf(Site);
  readonly customerBillingAccounts = this.childrenOf(BillingAccount);
  readonly customerContacts = this.childrenOf(Contact);

  /** Contracted unit price (cents) of a product for a reseller: key `${resellerId}:${productId}`. */
  readonly unitPrice = new DataLoader<string, { cents: number; currency: string } | null>(
    async (keys) => {
      const pairs = keys.map((key) => key.split(':') as [string, string]);
      const agreements = await this.em.find(
        Agreement,
        {
          reseller: { $in: [...new Set(pairs.map(([r]) => r))] },
          prices: { product: { $in: pairs.map(([, p]) => p) } },
        },
        { populate: ['prices'] },
      );
      return pairs.map(([resellerId, productId]) => {
        for (const agreement of agreements) {
          if (agreement.reseller.id !== resellerId) continue;
          const price = agreement.prices.getItems().find((p) => p.product.id === productId);
          if (price) return { cents: price.unitPriceCents, currency: agreement.currency };
        }
        return null;
      });
    },
  );

  private childrenOf<T extends Keyed & { customer: { id: string }; name: string }>(
    cls: EntityClass<T>,
  ) {
    return new DataLoader<string, T[]>(async (customerIds) => {
      const rows = await this.em.find(
        cls,
        { customer: { $in: [...customerIds] } } as never,
        { orderBy: { name: 'asc' } } as never,
      );
      return groupBy(customerIds, rows as T[], (row) => row.customer.id);
    });
  }
}
