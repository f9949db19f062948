import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toPage,
  withLazyTotal,
} from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import {
  Refusal,
  refuse,
  userError,
  UserErrorCode,
  type UserError,
} from '../../common/user-error.js';
import { customerScope, customerScopeSql, demand } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { Contact, Customer } from './customer.entity.js';
import type { AddContactInput } from './customer.types.js';

/** Deliberately simple: one @, no spaces, a dot in the domain. Mail servers judge the rest. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function isEmail(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

export class CustomerService {
  /** The viewer's customers, by name, optionally those whose name contains `search`. */
  async list(
    em: EntityManager,
    viewer: Viewer,
    args: { first?: number | null; after?: string | null; search?: string | null },
  ) {
    const size = pageSize(args.first);
    const where: Record<string, unknown> = { ...customerScope(viewer) };
    const search = args.search?.trim();
    if (search) where.name = { $ilike: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
    const counted = { ...where };
    if (args.after) {
      const [name, id] = decodeCursor<[string, string]>(args.after, ['string', 'uuid']);
      where.$or = [{ name: { $gt: name } }, { name, id: { $gt: id } }];
    }
    const rows = await em.find(Customer, where, {
      orderBy: { name: 'asc', id: 'asc' },
      limit: size + 1,
    });
    return withLazyTotal(
      toPage(rows, size, (c) => encodeCursor([c.name, c.id])),
      () => em.count(Customer, counted),
    );
  }

  /**
   * A customer the viewer may see, or null (another tenant's id is simply not found).
   * Plain SQL, its row merged into `em` (`em.map`): this is the first read of the licence
   * grid and of the customer page, and through `em.findOne` it cost several times the CPU
   * of the statement (see order-lock.ts for the same read of an order).
   */
  async find(em: EntityManager, viewer: Viewer, customerId: string): Promise<Customer | null> {
    const id = idOfType(customerId, 'Customer');
    if (!id) return null;
    const scope = customerScopeSql(viewer);
    const [row] = await em.execute<Record<string, unknown>[]>(
      `SELECT c.* FROM customer c WHERE c.id = ? AND ${scope.condition}`,
      [id, ...scope.params],
    );
    return row ? em.map(Customer, row) : null;
  }

  /** A contact of one of the reseller's customers (e.g. a new implementation lead). */
  addContact(em: EntityManager, viewer: Viewer, input: AddContactInput) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'writeOrders');
      const customer = await this.find(tx, viewer, input.customerId);
      if (!customer) refuse(UserErrorCode.NOT_FOUND, 'No such customer.', ['customerId']);
      const errors: UserError[] = [];
      const name = input.name.trim();
      const email = input.email.trim();
      if (name.length === 0 || name.length > 200) {
        errors.push(
          userError(UserErrorCode.VALIDATION, 'Give a name of 1 to 200 characters.', ['name']),
        );
      }
      if (!isEmail(email)) {
        const message = email
          ? `"${email.slice(0, 80)}" is not an e-mail address.`
          : 'Give the contact’s e-mail address.';
        errors.push(userError(UserErrorCode.VALIDATION, message, ['email']));
      } else {
        const holder = await this.contactWithEmail(tx, customer.id, email);
        if (holder) {
          errors.push(
            userError(UserErrorCode.VALIDATION, `${holder.name} already has this e-mail address.`, [
              'email',
            ]),
          );
        }
      }
      if (errors.length > 0) throw new Refusal(errors);
      const contact = tx.create(Contact, { customer, name, email });
      try {
        await tx.flush();
      } catch (error) {
        // Another add of the same address committed after the check above: the unique index
        // (customer, trimmed lower-case e-mail) refused this one.
        if (error instanceof UniqueConstraintViolationException) {
          refuse(UserErrorCode.VALIDATION, 'Another contact already has this e-mail address.', [
            'email',
          ]);
        }
        throw error;
      }
      return contact;
    });
  }

  /**
   * The customer's contact with this e-mail address, compared trimmed and case-insensitively
   * (Sam@Acme.example and sam@acme.example reach the same person), or null: read to name the
   * holder in the error. The rule itself is the unique index on (customer_id,
   * lower(btrim(email))), which also settles two adds of one address at once.
   */
  private async contactWithEmail(
    tx: EntityManager,
    customerId: string,
    email: string,
  ): Promise<{ name: string } | null> {
    const [row] = await tx.execute<{ name: string }[]>(
      'SELECT name FROM contact WHERE customer_id = ? AND lower(btrim(email)) = lower(btrim(?)) LIMIT 1',
      [customerId, email],
    );
    return row ?? null;
  }
}
